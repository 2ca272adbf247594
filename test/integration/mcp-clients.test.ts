/**
 * MCP clients over a fixture HOME of all six (test/fixtures/mcp-clients) and the real keychain: discovery and slot
 * states, and every edit as a golden file (test/fixtures/mcp-clients/golden; `UPDATE_GOLDEN=1` rewrites them).
 * Each edit is also checked generically: parsing the file before and after differs only in the edited server,
 * every line outside the server is byte-identical, and no imported value is left in any file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { McpService } from '../../electron/core/mcp/mcp-service';
import { editJson, parseJsonc } from '../../electron/core/mcp/jsonc-edits';
import { Vault } from '../../electron/core/vault';
import type { McpChange, McpClientId, McpScope, McpServerView, McpSlotKind } from '../../shared/mcp';
import type { ActivityEvent } from '../../shared/types';
import { CLIENT_FIXTURES, closeClientFixture, openClientFixture, slotRef, type ClientHome } from '../helpers/mcp-client-home';
import { TEST_LAUNCHER } from '../helpers/test-mcp';
import type { TestVault } from '../helpers/test-vault';

const GOLDEN = path.join(CLIENT_FIXTURES, 'golden');

let t: TestVault;
let h: ClientHome;
let mcp: McpService;

beforeEach(async () => {
  ({ t, h, mcp } = await openClientFixture());
});
afterEach(() => closeClientFixture({ t, h }));

const FILES = {
  'claude-desktop': 'home/.config/Claude/claude_desktop_config.json',
  'claude-code': 'home/.claude.json',
  cursor: 'home/.cursor/mcp.json',
  vscode: 'home/.config/Code/User/mcp.json',
  windsurf: 'home/.codeium/windsurf/mcp_config.json',
  zed: 'home/.config/zed/settings.json',
} as const satisfies Record<McpClientId, string>;

async function server(client: McpClientId, name: string, scope: McpScope = 'user'): Promise<McpServerView> {
  const found = (await mcp.servers({ client })).find((s) => s.name === name && s.scope === scope);
  if (!found) throw new Error(`no server ${name}`);
  return found;
}

function ref(client: McpClientId, name: string, kind: McpSlotKind, slot: string, scope: McpScope = 'user') {
  return slotRef(mcp, client, name, kind, slot, scope);
}

/** The server's property lines in the text: [first, last], 0-based. */
function serverLines(text: string, serverPath: string[]): [number, number] {
  const root = parseTree(text.replace(/^\uFEFF/, ' '), [], { allowTrailingComma: true })!;
  const prop = findNodeAtLocation(root, serverPath)!.parent!;
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  return [lineOf(prop.offset), lineOf(prop.offset + prop.length)];
}

function without(value: unknown, at: string[]): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[at.at(-1)!];
  return copy;
}

/** Parsing before and after differs only in the server, and every line outside the server is byte-identical. */
function expectOnlyServerChanged(before: string, after: string, serverPath: string[]): void {
  const a = parseJsonc(before);
  const b = parseJsonc(after);
  expect(a.ok && b.ok).toBe(true);
  if (!a.ok || !b.ok) return;
  expect(isDeepStrictEqual(without(a.value, serverPath), without(b.value, serverPath)), 'the rest of the file parses the same').toBe(true);
  const [start, end] = serverLines(before, serverPath);
  const [start2, end2] = serverLines(after, serverPath);
  const linesBefore = before.split('\n');
  const linesAfter = after.split('\n');
  expect(start2).toBe(start);
  expect(linesAfter.slice(0, start2)).toEqual(linesBefore.slice(0, start));
  expect(linesAfter.slice(end2 + 1)).toEqual(linesBefore.slice(end + 1));
}

/** The file with its values, project path, key ids and launcher as markers, against its golden file. */
function expectGolden(relative: string, golden: string, keyIds: Record<string, string> = {}): void {
  const markers: Record<string, string> = { '{{MCPKV}}': TEST_LAUNCHER.args[0]!, '{{NODE}}': TEST_LAUNCHER.command };
  for (const [name, id] of Object.entries(keyIds)) markers[`{{ID:${name}}}`] = id;
  const actual = h.templated(relative, markers).replace(/\r\n/g, '\n');
  const file = path.join(GOLDEN, golden);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

function expectNoValueLeft(...names: string[]): void {
  for (const name of names) {
    const value = h.keys[name]!;
    for (const { file, content } of [...h.all(), ...t.files()]) expect(content.includes(value), `${name} in ${file}`).toBe(false);
  }
}

/** Applies the change to the file and checks the generic properties; returns the result. */
async function applyChecked(relative: string, change: McpChange, serverPath: string[]) {
  const before = h.read(relative);
  const result = await mcp.apply(change);
  expectOnlyServerChanged(before, h.read(relative), serverPath);
  return result;
}

describe('discovery', () => {
  it('finds every client’s configs: user, project, and Claude Code’s local section; a broken file is one line', async () => {
    const configs = await mcp.configs();
    const summary = configs.map((c) => [c.client, c.scope, path.relative(h.root, c.file), c.exists, c.serverCount]);
    expect(summary).toEqual([
      ['claude-desktop', 'user', FILES['claude-desktop'], true, 3],
      ['claude-code', 'user', FILES['claude-code'], true, 2],
      ['claude-code', 'local', FILES['claude-code'], true, 1],
      ['cursor', 'user', FILES.cursor, true, 2],
      ['vscode', 'user', FILES.vscode, true, 3],
      ['windsurf', 'user', FILES.windsurf, true, 3],
      ['zed', 'user', FILES.zed, true, 2],
      ['claude-code', 'project', 'project/.mcp.json', true, 2],
      ['cursor', 'project', 'project/.cursor/mcp.json', true, 0],
      ['vscode', 'project', 'project/.vscode/mcp.json', true, 1],
      ['zed', 'project', 'project/.zed/settings.json', true, 0],
    ]);
    expect(configs.find((c) => c.scope === 'local')!.projectPath).toBe(h.project);
    expect(configs.filter((c) => c.error !== null).map((c) => c.error)).toEqual([`${h.file('project/.cursor/mcp.json')} does not parse (line 5, column 7); it was left untouched.`]);
    expect(new Set(configs.map((c) => c.id)).size).toBe(configs.length);
  });

  it('shows each slot’s state, with no value anywhere: masked keys, placeholders without defaults', async () => {
    const vaultKey = await t.vault.create({ name: 'docs', importSecret: h.keys.docs!, expiresInDays: 0 });
    const servers = await mcp.servers();
    const states = Object.fromEntries(servers.map((s) => [`${s.client}/${s.name}`, s.slots.map((slot) => `${slot.kind}:${slot.name}=${slot.state}`)]));
    expect(states).toEqual({
      'claude-desktop/filesystem': [],
      'claude-desktop/github': ['env:GITHUB_PERSONAL_ACCESS_TOKEN=plaintext-key'],
      'claude-desktop/weather': ['env:WEATHER_API_KEY=plaintext-key', 'env:WEATHER_REGION=plaintext'],
      'claude-code/cloud': ['header:Authorization=plaintext-key', 'header:X-Team=plaintext'],
      'claude-code/sentry': ['env:SENTRY_AUTH_TOKEN=placeholder'],
      'claude-code/db': ['env:DB_API_KEY=plaintext-key'],
      'cursor/recherche-équipe 🔎': ['env:SEARCH_API_KEY=plaintext-key', 'env:SEARCH_HOME=placeholder'],
      'cursor/linear': ['header:Authorization=placeholder'],
      'vscode/perplexity': ['env:PERPLEXITY_API_KEY=placeholder'],
      'vscode/keys-api': ['header:X-API-Key=plaintext-key'],
      'vscode/local-tools': ['env:TOOLS_TOKEN=plaintext-key'],
      'windsurf/plex': ['header:Authorization=plaintext-key'],
      'windsurf/memory': [],
      'windsurf/brave-search': ['env:BRAVE_API_KEY=empty'],
      'zed/postgres': ['env:PG_API_TOKEN=plaintext-key'],
      'zed/plex-remote': ['header:Authorization=plaintext-key'],
      'claude-code/api': ['header:Authorization=placeholder'],
      'claude-code/runner': ['env:RUNNER_KEY=plaintext-key'],
      'vscode/docs': ['header:Authorization=vault-value'],
    });
    expect((await server('vscode', 'docs', 'project')).slots[0]).toEqual({ kind: 'header', name: 'Authorization', state: 'vault-value', keyId: vaultKey.id, keyName: 'docs', masked: `mcp_sk_…${h.keys.docs!.slice(-4)}` });
    expect((await server('claude-code', 'api', 'project')).slots[0]).toMatchObject({ state: 'placeholder', placeholder: '${API_TOKEN:-…}' });
    expect(await server('vscode', 'keys-api')).toMatchObject({ transport: 'http', form: 'plain', url: 'https://keys.example.com/mcp', command: null });
    const shown = JSON.stringify(servers);
    for (const [name, value] of Object.entries(h.keys)) expect(shown.includes(value), name).toBe(false);
  });
});

describe('import into the launcher form (stdio servers)', () => {
  it('Claude Desktop: the key goes to the keychain, the server runs through mcpkv run, no value is left', async () => {
    const events: ActivityEvent[] = [];
    mcp = new McpService(new Vault({ store: t.vault.store, secrets: t.vault.secrets, activity: { record: (e) => void events.push(e) } }), {
      launcher: TEST_LAUNCHER,
      locations: h.locations,
    });
    const change = { action: 'import', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN') } as const;
    const preview = await mcp.preview(change);
    expect(preview).toMatchObject({ file: h.file(FILES['claude-desktop']), form: 'launcher', holdsSecret: false });
    expect(preview.diff).toContainEqual({ kind: 'removed', text: `    "GITHUB_PERSONAL_ACCESS_TOKEN": "mcp_sk_…${h.keys.github!.slice(-4)}"` });
    expect(JSON.stringify(preview).includes(h.keys.github!)).toBe(false);
    expect(h.read(FILES['claude-desktop']).includes(h.keys.github!), 'a preview writes nothing').toBe(true);

    const result = await applyChecked(FILES['claude-desktop'], change, ['mcpServers', 'github']);
    expect(result).toMatchObject({ file: h.file(FILES['claude-desktop']), server: 'github', form: 'launcher' });
    const key = t.vault.get(result.keyId);
    expect(key).toMatchObject({ name: 'Claude Desktop github GITHUB_PERSONAL_ACCESS_TOKEN', source: 'imported', expiresAt: null, usageCount: 1 });
    expect(await t.vault.secretOf(key.id)).toBe(h.keys.github);
    expectGolden(FILES['claude-desktop'], 'claude-desktop.import-launcher.json', { github: key.id });
    expectNoValueLeft('github');
    expect(fs.statSync(h.file(FILES['claude-desktop'])).mode & 0o777, 'no secret written: the mode is kept').toBe(0o644);
    expect((await server('claude-desktop', 'github')).slots).toEqual([
      { kind: 'env', name: 'GITHUB_PERSONAL_ACCESS_TOKEN', state: 'connected', keyId: key.id, keyName: key.name, form: 'launcher' },
    ]);
    expect(mcp.connectionsOf(key.id)).toEqual([
      expect.objectContaining({ keyId: key.id, client: 'claude-desktop', file: h.file(FILES['claude-desktop']), serverPath: ['mcpServers', 'github'], server: 'github', form: 'launcher', scope: 'user', configId: change.ref.configId }),
    ]);
    expect(events.map((e) => e.type)).toEqual(['imported', 'exported']);
    expect(events[1]!.detail).toBe(`Claude Desktop server "github" in ~/.config/Claude/claude_desktop_config.json (GITHUB_PERSONAL_ACCESS_TOKEN, launcher)`);
    expect(JSON.stringify(events).includes(h.keys.github!)).toBe(false);
  });

  it('Claude Code: the local section of ~/.claude.json, every other byte of the file (history, user servers) kept', async () => {
    const change = { action: 'import', ref: await ref('claude-code', 'db', 'env', 'DB_API_KEY', 'local') } as const;
    const result = await applyChecked(FILES['claude-code'], change, ['projects', h.project, 'mcpServers', 'db']);
    expectGolden(FILES['claude-code'], 'claude-code.import-local-launcher.json', { db: result.keyId });
    expectNoValueLeft('db');
    expect(mcp.connectionsOf(result.keyId)[0]).toMatchObject({ scope: 'local', projectPath: h.project, configId: change.ref.configId });
  });

  it('Cursor: comments, trailing commas, CRLF and a unicode server name kept; the placeholder beside it untouched', async () => {
    const change = { action: 'import', ref: await ref('cursor', 'recherche-équipe 🔎', 'env', 'SEARCH_API_KEY') } as const;
    const result = await applyChecked(FILES.cursor, change, ['mcpServers', 'recherche-équipe 🔎']);
    const text = h.read(FILES.cursor);
    expect(text.split('\r\n').every((line) => !line.includes('\n')), 'CRLF only').toBe(true);
    expectGolden(FILES.cursor, 'cursor.import-launcher.json', { search: result.keyId });
    expectNoValueLeft('search');
  });

  it('Zed: the older command object; its settings file full of other settings and comments kept', async () => {
    const change = { action: 'import', ref: await ref('zed', 'postgres', 'env', 'PG_API_TOKEN') } as const;
    const result = await applyChecked(FILES.zed, change, ['context_servers', 'postgres']);
    expectGolden(FILES.zed, 'zed.import-launcher.json', { postgres: result.keyId });
    expectNoValueLeft('postgres');
    expect((await server('zed', 'postgres')).command).toBe('npx');
  });

  it('VS Code: a server without args gets them; the inputs and the placeholder server stay', async () => {
    const change = { action: 'import', ref: await ref('vscode', 'local-tools', 'env', 'TOOLS_TOKEN') } as const;
    const result = await applyChecked(FILES.vscode, change, ['servers', 'local-tools']);
    expectGolden(FILES.vscode, 'vscode.import-launcher.json', { tools: result.keyId });
    expectNoValueLeft('tools');
  });
});

describe('remote servers: the proxy form and the header form', () => {
  it('Claude Code: import into the proxy form (type stdio), other headers passed on; nothing secret in the file', async () => {
    const change = { action: 'import', ref: await ref('claude-code', 'cloud', 'header', 'Authorization') } as const;
    const result = await applyChecked(FILES['claude-code'], change, ['mcpServers', 'cloud']);
    expect(result.form).toBe('proxy');
    expect(t.vault.get(result.keyId)).toMatchObject({ httpHeader: 'bearer', name: 'Claude Code cloud Authorization' });
    expectGolden(FILES['claude-code'], 'claude-code.import-proxy.json', { cloud: result.keyId });
    expectNoValueLeft('cloud');
    expect(await server('claude-code', 'cloud')).toMatchObject({ form: 'proxy', transport: 'http', url: 'https://mcp.example.com/mcp' });
  });

  it.each([
    { client: 'vscode', server: 'keys-api', header: 'X-API-Key', at: ['servers', 'keys-api'], key: 'keysapi', style: 'x-api-key', golden: 'vscode.import-proxy.json' },
    { client: 'zed', server: 'plex-remote', header: 'Authorization', at: ['context_servers', 'plex-remote'], key: 'plexzed', style: 'apikey', golden: 'zed.import-proxy.json' },
  ] as const)('$client: $header ($style) into the proxy form', async ({ client, server: name, header, at, key, style, golden }) => {
    const change = { action: 'import', ref: await ref(client, name, 'header', header) } as const;
    const result = await applyChecked(FILES[client], change, [...at]);
    expect(t.vault.get(result.keyId).httpHeader).toBe(style);
    expectGolden(FILES[client], golden, { [key]: result.keyId });
    expectNoValueLeft(key);
  });

  it('Windsurf: import keeping the header (tracked), then the proxy form, then back with the value: serverUrl as it was', async () => {
    const original = h.read(FILES.windsurf);
    const slot = await ref('windsurf', 'plex', 'header', 'Authorization');
    const imported = await mcp.apply({ action: 'import', ref: slot, form: 'header' });
    expect(imported.form).toBe('header');
    expect(h.read(FILES.windsurf)).toBe(original);
    expect((await server('windsurf', 'plex')).slots[0]).toMatchObject({ state: 'connected', form: 'header', keyId: imported.keyId });

    await applyChecked(FILES.windsurf, { action: 'connect', ref: slot, keyId: imported.keyId, form: 'proxy' }, ['mcpServers', 'plex']);
    expectGolden(FILES.windsurf, 'windsurf.connect-proxy.json', { plex: imported.keyId });
    expectNoValueLeft('plex');
    expect(mcp.connectionsOf(imported.keyId).map((c) => c.form)).toEqual(['proxy']);

    const back = { action: 'disconnect', ref: slot, keyId: imported.keyId, writeValue: true } as const;
    expect(await mcp.preview(back)).toMatchObject({ form: 'plain', holdsSecret: true });
    const result = await applyChecked(FILES.windsurf, back, ['mcpServers', 'plex']);
    expect(result.tightened).toEqual({ was: '644', now: '600' });
    expect(parseJsonc(h.read(FILES.windsurf))).toEqual(parseJsonc(original));
    expect(mcp.connectionsOf(imported.keyId)).toEqual([]);
  });

  it('Windsurf: a server written with `url` (not `serverUrl`) gets `url` back when the proxy form is undone', async () => {
    const secret = `mcp_sk_${'w'.repeat(32)}`;
    const remote = { url: 'https://remote.example.com/mcp', headers: { Authorization: `Bearer ${secret}` } };
    fs.writeFileSync(h.file(FILES.windsurf), editJson(h.read(FILES.windsurf), [{ set: ['mcpServers', 'remote'], value: remote }]));
    const original = h.read(FILES.windsurf);
    const slot = await ref('windsurf', 'remote', 'header', 'Authorization');
    const { keyId, form } = await mcp.apply({ action: 'import', ref: slot });
    expect(form).toBe('proxy');
    expect(h.read(FILES.windsurf)).not.toContain(secret);
    await applyChecked(FILES.windsurf, { action: 'disconnect', ref: slot, keyId, writeValue: true }, ['mcpServers', 'remote']);
    expect(parseJsonc(h.read(FILES.windsurf))).toEqual(parseJsonc(original));
  });

  it('the header form writes the key in the key’s own style, owner-only', async () => {
    const key = await t.vault.create({ name: 'plex key', httpHeader: 'apikey' });
    const configId = (await server('cursor', 'linear')).configId;
    // A placeholder the client expands is never replaced…
    await expect(mcp.apply({ action: 'connect', ref: { configId, server: 'linear', slot: { kind: 'header', name: 'Authorization' } }, keyId: key.id, form: 'header' })).rejects.toThrow(
      'The header "Authorization" of Cursor server "linear" holds a placeholder the client expands itself (${env:LINEAR_TOKEN}); it is never replaced.',
    );
    // …but a new header can take the key.
    const slot = { configId, server: 'linear', slot: { kind: 'header', name: 'X-Plex' } } as const;
    const preview = await mcp.preview({ action: 'connect', ref: slot, keyId: key.id, form: 'header' });
    expect(preview.holdsSecret).toBe(true);
    expect(preview.diff).toContainEqual({ kind: 'added', text: `    "X-Plex": "${key.prefix}…${key.fingerprint}"` });
    const result = await applyChecked(FILES.cursor, { action: 'connect', ref: slot, keyId: key.id, form: 'header' }, ['mcpServers', 'linear']);
    expect(result).toMatchObject({ form: 'header', tightened: { was: '644', now: '600' } });
    expect(h.read(FILES.cursor)).toContain(`"X-Plex": "${key.secret}"`);
    expect((await server('cursor', 'linear')).slots.find((s) => s.name === 'X-Plex')).toMatchObject({ state: 'connected', form: 'header', keyId: key.id });
  });
});

describe('refusals leave the file as it was', () => {
  it('a placeholder, a broken file, a value too short to be a key, a revoked key, a wrong form', async () => {
    const before = h.all();
    await expect(mcp.apply({ action: 'import', ref: await ref('vscode', 'perplexity', 'env', 'PERPLEXITY_API_KEY') })).rejects.toThrow(/placeholder the client expands itself \(\$\{input:perplexity-key\}\); it is never replaced/);
    const broken = (await mcp.configs()).find((c) => c.error !== null)!;
    await expect(mcp.apply({ action: 'import', ref: { configId: broken.id, server: 'broken', slot: { kind: 'env', name: 'X_API_KEY' } } })).rejects.toThrow(broken.error!);
    await expect(mcp.apply({ action: 'import', ref: await ref('claude-desktop', 'weather', 'env', 'WEATHER_REGION') })).rejects.toThrow(
      'The value in the variable "WEATHER_REGION" of Claude Desktop server "weather" cannot be imported: Key value must be at least 16 characters.',
    );
    const revoked = await t.vault.create({ name: 'old' });
    await t.vault.revoke(revoked.id);
    await expect(mcp.apply({ action: 'connect', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'), keyId: revoked.id })).rejects.toThrow(/"old" is revoked/);
    const key = await t.vault.create({ name: 'k' });
    await expect(mcp.apply({ action: 'connect', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'), keyId: key.id, form: 'header' })).rejects.toThrow(/header form is for remote servers/);
    await expect(mcp.apply({ action: 'disconnect', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'), keyId: key.id })).rejects.toThrow(/is not connected to key "k"/);
    const linear = { configId: (await server('cursor', 'linear')).configId, server: 'linear', slot: { kind: 'header', name: 'X Key' } } as const;
    await expect(mcp.apply({ action: 'connect', ref: linear, keyId: key.id, form: 'header' })).rejects.toThrow("Header name may use only letters, digits and !#$%&'*+.^_`|~- (an HTTP header name).");
    expect(h.all()).toEqual(before);
    expect(t.vault.list().map((k) => k.name).sort()).toEqual(['k', 'old']);
  });

  it('the proxy form, when another header holds a placeholder or a key: the client would expand it into the proxy’s command line', async () => {
    const before = h.all();
    const key = await t.vault.create({ name: 'plex key' });
    const linear = { configId: (await server('cursor', 'linear')).configId, server: 'linear', slot: { kind: 'header', name: 'X-Plex' } } as const;
    await expect(mcp.apply({ action: 'connect', ref: linear, keyId: key.id, form: 'proxy' })).rejects.toThrow(
      'Header "Authorization" of Cursor server "linear" holds a placeholder the client would expand into the proxy’s command line, where other programs can read it: use the header form (or remove that header first).',
    );
    // The default form of a remote server is the proxy: an import is refused the same way, before a key is created.
    const api = await ref('claude-code', 'api', 'header', 'X-Other', 'project');
    await expect(mcp.preview({ action: 'connect', ref: api, keyId: key.id })).rejects.toThrow(/^Header "Authorization" of Claude Code server "api" holds a placeholder/);
    expect(h.all()).toEqual(before);
    expect(t.vault.list().map((k) => k.name)).toEqual(['plex key']);
  });

  it('an edit that would break the file is one line (FILE_ERROR), the file untouched', async () => {
    const relative = FILES.vscode;
    fs.writeFileSync(h.file(relative), h.read(relative).replace('"servers": {', '"servers": {\n    "odd": { "type": "http", "url": "https://odd.example.com/mcp", "headers": ["X-Team: a"], "h": 1 },'));
    const before = h.all();
    const key = await t.vault.create({ name: 'odd key' });
    const slot = { configId: (await server('vscode', 'odd')).configId, server: 'odd', slot: { kind: 'header', name: 'X-Key' } } as const;
    const refused = mcp.apply({ action: 'connect', ref: slot, keyId: key.id, form: 'header' });
    await expect(refused).rejects.toMatchObject({
      code: 'FILE_ERROR',
      message: '~/.config/Code/User/mcp.json cannot be edited safely (servers.odd.headers is not an object); it was left untouched.',
    });
    expect(h.all()).toEqual(before);
  });

  it('an import whose write is refused (the file changed since it was read) leaves no key behind', async () => {
    const relative = FILES['claude-desktop'];
    const create = t.vault.create.bind(t.vault);
    // The client writes its file while the key is being created.
    vi.spyOn(t.vault, 'create').mockImplementation(async (input) => {
      const created = await create(input);
      fs.appendFileSync(h.file(relative), '\n');
      return created;
    });
    const change = { action: 'import', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN') } as const;
    await expect(mcp.apply(change)).rejects.toMatchObject({ code: 'CONFLICT', message: '~/.config/Claude/claude_desktop_config.json changed since it was read; nothing was written. Try again.' });
    expect(t.vault.list()).toEqual([]);
    expect(await t.keychain()).toEqual(new Map());
    expect(h.read(relative)).toContain(h.keys.github!);
    expect(t.vault.store.read().mcpConnections ?? []).toEqual([]);
  });

  it('a key is not written into a project’s config that git would commit (tracked, or not ignored)', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-C', h.project, ...args], { stdio: 'ignore' });
    const configs = () => ['project/.vscode/mcp.json', 'project/.mcp.json'].map((f) => h.read(f));
    git('init', '-q');
    const key = await t.vault.create({ name: 'docs key' });
    const header = { action: 'connect', ref: await ref('vscode', 'docs', 'header', 'Authorization', 'project'), keyId: key.id, form: 'header' } as const;
    await expect(mcp.preview(header)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: `${h.file('project/.vscode/mcp.json')} would hold the key in plain text, and git does not ignore it: use the proxy form, or add it to .gitignore first.`,
    });
    // The launcher and proxy forms hold no key: they stay allowed.
    const runner = await ref('claude-code', 'runner', 'env', 'RUNNER_KEY', 'project');
    const { keyId } = await mcp.apply({ action: 'import', ref: runner });
    const writeBack = { action: 'disconnect', ref: runner, keyId, writeValue: true } as const;
    const before = configs();
    await expect(mcp.apply(header)).rejects.toThrow(/git does not ignore it/);
    await expect(mcp.apply(writeBack)).rejects.toThrow(
      `${h.file('project/.mcp.json')} would hold the key in plain text, and git does not ignore it: disconnect without writing the value back, or add it to .gitignore first.`,
    );
    fs.writeFileSync(h.file('project/.gitignore'), '/.mcp.json\n.vscode/\n');
    git('add', '-f', '.mcp.json');
    await expect(mcp.apply(writeBack)).rejects.toThrow(
      `${h.file('project/.mcp.json')} would hold the key in plain text, and git tracks it: disconnect without writing the value back, or untrack it (git rm --cached).`,
    );
    expect(configs()).toEqual(before);
    // Ignored and untracked: written.
    git('rm', '-q', '--cached', '.mcp.json');
    await mcp.apply(writeBack);
    expect(h.read('project/.mcp.json')).toContain(h.keys.runner!);
    await mcp.apply(header);
    expect(h.read('project/.vscode/mcp.json')).toContain(key.secret);
  });

  it('a config that is a link out of its folder is not written, and no key is created for it', async () => {
    const outside = path.join(h.root, 'elsewhere.json');
    fs.renameSync(h.file('project/.vscode/mcp.json'), outside);
    fs.symlinkSync(outside, h.file('project/.vscode/mcp.json'));
    const configs = await mcp.configs();
    expect(configs.find((c) => c.client === 'vscode' && c.scope === 'project')?.error).toBe(`${h.file('project/.vscode/mcp.json')} is a link to a place outside its folder; it is not written.`);
    expect(t.vault.list()).toEqual([]);
  });
});

describe('disconnect', () => {
  it('back to the plain form without the key; with --write-value the value returns, owner-only', async () => {
    const relative = 'project/.mcp.json';
    const original = h.read(relative);
    const slot = await ref('claude-code', 'runner', 'env', 'RUNNER_KEY', 'project');
    const { keyId } = await mcp.apply({ action: 'import', ref: slot });
    await applyChecked(relative, { action: 'disconnect', ref: slot, keyId }, ['mcpServers', 'runner']);
    expect(parseJsonc(h.read(relative))).toMatchObject({ value: { mcpServers: { runner: { command: 'node', args: ['server.js'] } } } });
    expect(h.read(relative)).not.toContain('RUNNER_KEY');
    expect(mcp.connectionsOf(keyId)).toEqual([]);

    await mcp.apply({ action: 'connect', ref: slot, keyId });
    expect(mcp.connectionsOf(keyId)).toHaveLength(1);
    const back = await mcp.apply({ action: 'disconnect', ref: slot, keyId, writeValue: true });
    expect(back).toMatchObject({ form: 'plain', tightened: { was: '644', now: '600' } });
    expect(parseJsonc(h.read(relative))).toEqual(parseJsonc(original));
  });
});
