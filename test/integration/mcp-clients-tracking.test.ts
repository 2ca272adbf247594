/**
 * Client servers tracked like .env exports, against the real keychain: rotation rewrites header-form slots (where
 * they still hold the old value) and reports launcher and proxy slots as nothing to rewrite; revoke and delete with
 * removeFromFiles take the key out; the "last copy" check counts headers; doctor reports keys gone, revoked or
 * expired, connections changed by hand, and plaintext keys in client configs.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctor } from '../../electron/core/doctor';
import { connectionsOfKey } from '../../electron/core/mcp/connection-records';
import { McpService } from '../../electron/core/mcp/mcp-service';
import { someConfigHolds } from '../../electron/core/mcp/sync-configs';
import { editJson, parseJsonc } from '../../electron/core/mcp/jsonc-edits';
import type { McpClientId, McpScope, McpSlotKind } from '../../shared/mcp';
import { closeClientFixture, openClientFixture, slotRef, type ClientHome } from '../helpers/mcp-client-home';
import type { TestVault } from '../helpers/test-vault';

let t: TestVault;
let h: ClientHome;
let mcp: McpService;

beforeEach(async () => {
  ({ t, h, mcp } = await openClientFixture());
});
afterEach(() => closeClientFixture({ t, h }));

function ref(client: McpClientId, name: string, kind: McpSlotKind, slot: string, scope: McpScope = 'user') {
  return slotRef(mcp, client, name, kind, slot, scope);
}

/**
 * Follows doctor's advice `mcpkv mcp disconnect <id> --client C --server S [--scope X --project P]` through the service, as the
 * CLI does: the one server so named, the one slot connected to that key id (the key may be revoked or gone).
 */
async function followDisconnectAdvice(message: string) {
  const advice = /mcpkv mcp disconnect (\S+) --client (\S+) --server ([^\s).]+)(?: --scope (\S+) --project ([^\s)]+?)\.?(?:\)|$))?/.exec(message);
  expect(advice, message).not.toBeNull();
  const [, keyId, client, name, scope, project] = advice!;
  const servers = (await mcp.servers({ client: client as McpClientId })).filter((s) => s.name === name && (scope === undefined || (s.scope === scope && s.projectPath === project)));
  expect(servers).toHaveLength(1);
  const slots = servers[0]!.slots.filter((s) => s.state === 'connected' && s.keyId === keyId);
  expect(slots).toHaveLength(1);
  const slot = { kind: slots[0]!.kind, name: slots[0]!.name };
  return mcp.apply({ action: 'disconnect', ref: { configId: servers[0]!.configId, server: name!, slot }, keyId: keyId! });
}

const DOCS = 'project/.vscode/mcp.json';
const ZED = 'home/.config/zed/settings.json';
const DESKTOP = 'home/.config/Claude/claude_desktop_config.json';
const CLAUDE = 'home/.claude.json';

/** One key connected three ways: the header form (docs), the launcher (github) and the proxy (cloud). */
async function connectEverywhere(secret: string) {
  const key = await t.vault.create({ name: 'shared', importSecret: secret, expiresInDays: 0 });
  await mcp.apply({ action: 'connect', ref: await ref('vscode', 'docs', 'header', 'Authorization', 'project'), keyId: key.id, form: 'header' });
  await mcp.apply({ action: 'connect', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'), keyId: key.id });
  await mcp.apply({ action: 'connect', ref: await ref('claude-code', 'cloud', 'header', 'Authorization'), keyId: key.id });
  return key;
}

describe('rotation', () => {
  it('rewrites the header where it still holds the old value (owner-only); the launcher and proxy have nothing to rewrite', async () => {
    const key = await connectEverywhere(h.keys.docs!);
    expect(h.read(DOCS)).toContain(`"Authorization": "Bearer ${h.keys.docs}"`);
    const next = `mcp_sk_${'r'.repeat(32)}`;
    const rotated = await t.vault.rotate(key.id, { newSecret: next });
    expect(rotated.exports).toEqual([
      { file: h.file(DOCS), variable: 'Authorization', form: 'header', client: 'vscode', server: 'docs', serverPath: ['servers', 'docs'], outcome: 'updated', message: 'mcp.json was 644, now 600: other users could read it, now only you can.' },
      { file: h.file(DESKTOP), variable: 'GITHUB_PERSONAL_ACCESS_TOKEN', form: 'launcher', client: 'claude-desktop', server: 'github', serverPath: ['mcpServers', 'github'], outcome: 'nothing-to-rewrite' },
      { file: h.file(CLAUDE), variable: 'Authorization', form: 'proxy', client: 'claude-code', server: 'cloud', serverPath: ['mcpServers', 'cloud'], outcome: 'nothing-to-rewrite' },
    ]);
    expect(h.read(DOCS)).toContain(`{ "Authorization": "Bearer ${next}" }`);
    expect(h.read(DOCS)).not.toContain(h.keys.docs!);
    expect(fs.statSync(h.file(DOCS)).mode & 0o777).toBe(0o600);

    // Changed by hand since: left alone, and said so.
    fs.writeFileSync(h.file(DOCS), h.read(DOCS).replace(next, 'mine-now-0123456789abcdef'));
    const again = await t.vault.rotate(key.id, { newSecret: `mcp_sk_${'s'.repeat(32)}` });
    expect(again.exports[0]).toMatchObject({ outcome: 'changed-by-hand', message: 'Authorization no longer holds this key; left as it is.' });
    expect(h.read(DOCS)).toContain('mine-now-0123456789abcdef');
  });

  it('a key the keychain lost is given its value again (rotate --import) with connections: no file can be matched, none is touched', async () => {
    const key = await connectEverywhere(h.keys.docs!);
    const before = h.all();
    await t.vault.secrets.delete(key.id);
    const next = `mcp_sk_${'l'.repeat(32)}`;
    const rotated = await t.vault.rotate(key.id, { newSecret: next });
    expect(rotated.exports).toEqual([]);
    expect(await t.vault.secretOf(key.id)).toBe(next);
    expect(h.all()).toEqual(before);
    expect(connectionsOfKey(t.vault.store.read(), key.id)).toHaveLength(3);
  });
});

describe('revoke and delete with removeFromFiles', () => {
  it('take the key out of every client config: launcher and proxy back to plain, the header removed', async () => {
    const key = await connectEverywhere(h.keys.docs!);
    expect(await someConfigHolds(connectionsOfKey(t.vault.store.read(), key.id), h.keys.docs!), 'the header is a copy of the key').toBe(true);
    const revoked = await t.vault.revoke(key.id, { removeFromFiles: true });
    expect(revoked.exports.map((r) => [r.server, r.form, r.outcome])).toEqual([
      ['docs', 'header', 'removed'],
      ['github', 'launcher', 'removed'],
      ['cloud', 'proxy', 'removed'],
    ]);
    const docs = parseJsonc(h.read(DOCS));
    expect(docs.ok && docs.value).toEqual({ servers: { docs: { type: 'sse', url: 'https://docs.example.com/sse' } } });
    expect(parseJsonc(h.read(DESKTOP))).toMatchObject({ value: { mcpServers: { github: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-github'] } } } });
    expect(parseJsonc(h.read(CLAUDE))).toMatchObject({
      value: { mcpServers: { cloud: { type: 'http', url: 'https://mcp.example.com/mcp', headers: { 'X-Team': 'platform' } } } },
    });
    expect(connectionsOfKey(t.vault.store.read(), key.id)).toEqual([]);
  });

  it('revoke ends only the connections it took out (or found gone): one changed by hand or that failed stays tracked', async () => {
    const key = await connectEverywhere(h.keys.docs!);
    fs.writeFileSync(h.file(DESKTOP), h.read(DESKTOP).replace(key.id, 'ffffffffffffffff'));
    fs.writeFileSync(h.file(CLAUDE), `${h.read(CLAUDE)}}`);
    const revoked = await t.vault.revoke(key.id, { removeFromFiles: true });
    expect(revoked.exports.map((r) => [r.server, r.outcome])).toEqual([
      ['docs', 'removed'],
      ['github', 'changed-by-hand'],
      ['cloud', 'failed'],
    ]);
    expect(connectionsOfKey(t.vault.store.read(), key.id).map((r) => r.server)).toEqual(['github', 'cloud']);
  });

  it('delete of a revoked key still takes its launcher out (no value is needed); its records end', async () => {
    const key = await t.vault.create({ name: 'gen' });
    await mcp.apply({ action: 'connect', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'), keyId: key.id });
    await t.vault.revoke(key.id);
    expect(connectionsOfKey(t.vault.store.read(), key.id)).toHaveLength(1);
    const deleted = await t.vault.delete(key.id, { removeFromFiles: true });
    expect(deleted.exports.map((r) => r.outcome)).toEqual(['removed']);
    expect(h.read(DESKTOP)).not.toContain(key.id);
    expect(connectionsOfKey(t.vault.store.read(), key.id)).toEqual([]);
  });
});

describe('doctor', () => {
  it('reports plaintext keys in client configs, naming client, server and slot and the import to run, never a value', async () => {
    const report = await doctor(t.vault, { repair: false, mcp: h.locations });
    const plaintext = report.findings.filter((f) => f.kind === 'mcp-plaintext-key');
    expect(plaintext.map((f) => `${f.server}/${f.slot}`).sort()).toEqual(
      ['cloud/Authorization', 'db/DB_API_KEY', 'docs/Authorization', 'github/GITHUB_PERSONAL_ACCESS_TOKEN', 'keys-api/X-API-Key', 'local-tools/TOOLS_TOKEN', 'plex/Authorization', 'plex-remote/Authorization', 'postgres/PG_API_TOKEN', 'recherche-équipe 🔎/SEARCH_API_KEY', 'runner/RUNNER_KEY', 'weather/WEATHER_API_KEY'].sort(),
    );
    expect(plaintext.find((f) => f.server === 'recherche-équipe 🔎')!.message).toBe(
      `Cursor server "recherche-équipe 🔎" (~/.cursor/mcp.json) holds a key in plain text in variable "SEARCH_API_KEY". Move it into the keychain: mcpkv mcp import --client cursor --server 'recherche-équipe 🔎'.`,
    );
    expect(report.checked.mcpServers).toBe(19);
    const text = JSON.stringify(report);
    for (const [name, value] of Object.entries(h.keys)) expect(text.includes(value), name).toBe(false);
  });

  it('reports servers whose key is revoked, expired or gone, and connections changed by hand (repair: stop tracking)', async () => {
    const revoked = await t.vault.create({ name: 'revoked one' });
    await mcp.apply({ action: 'connect', ref: await ref('claude-desktop', 'github', 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN'), keyId: revoked.id });
    await t.vault.revoke(revoked.id);
    const gone = await t.vault.create({ name: 'gone one' });
    await mcp.apply({ action: 'connect', ref: await ref('zed', 'postgres', 'env', 'PG_API_TOKEN'), keyId: gone.id });
    await t.vault.delete(gone.id);
    const handEdited = await t.vault.create({ name: 'hand edited' });
    await mcp.apply({ action: 'connect', ref: await ref('vscode', 'docs', 'header', 'Authorization', 'project'), keyId: handEdited.id, form: 'header' });
    fs.writeFileSync(h.file(DOCS), h.read(DOCS).replace(handEdited.secret, 'something-else-0123456789'));

    const report = await doctor(t.vault, { repair: false, mcp: h.locations });
    const mcpFindings = report.findings.filter((f) => f.kind.startsWith('mcp-') && f.kind !== 'mcp-plaintext-key');
    expect(mcpFindings.map((f) => [f.kind, f.server, f.slot, f.keyId])).toEqual([
      ['mcp-key-inactive', 'github', 'GITHUB_PERSONAL_ACCESS_TOKEN', revoked.id],
      ['mcp-key-gone', 'postgres', 'PG_API_TOKEN', gone.id],
      ['mcp-stale-connection', 'docs', 'Authorization', handEdited.id],
    ]);
    expect(mcpFindings[0]!.message).toMatch(/^Claude Desktop server "github" \(~\/\.config\/Claude\/claude_desktop_config\.json\) starts with key "revoked one" in variable "GITHUB_PERSONAL_ACCESS_TOKEN", which is revoked\./);
    expect(mcpFindings[1]!.message).toContain(`mcpkv mcp disconnect ${gone.id} --client zed --server postgres`);
    expect(h.read(ZED)).toContain(gone.id);
    await followDisconnectAdvice(mcpFindings[1]!.message);
    expect(h.read(ZED)).not.toContain(gone.id);
    expect(parseJsonc(h.read(ZED))).toMatchObject({ value: { context_servers: { postgres: { command: { path: 'npx' } } } } });

    const repaired = await doctor(t.vault, { repair: true, mcp: h.locations });
    expect(repaired.repaired).toContain(`Stopped tracking server "docs" (Authorization) in ${h.file(DOCS)} for key ${handEdited.id}.`);
    expect(repaired.findings.filter((f) => f.kind === 'mcp-stale-connection')).toEqual([]);
    expect(h.read(DOCS)).toContain('something-else-0123456789');
  });

  it('repairing a stale connection forgets that slot only, not a same-named server’s elsewhere in the file', async () => {
    // ~/.claude.json holds a user server "db" beside the project's own "db".
    fs.writeFileSync(h.file(CLAUDE), editJson(h.read(CLAUDE), [{ set: ['mcpServers', 'db'], value: { type: 'stdio', command: 'node', args: ['./tools/db-mcp.js'] } }]));
    const key = await t.vault.create({ name: 'db key' });
    await mcp.apply({ action: 'connect', ref: await ref('claude-code', 'db', 'env', 'DB_API_KEY'), keyId: key.id });
    await mcp.apply({ action: 'connect', ref: await ref('claude-code', 'db', 'env', 'DB_API_KEY', 'local'), keyId: key.id });
    const local = ['projects', h.project, 'mcpServers', 'db'];
    fs.writeFileSync(h.file(CLAUDE), editJson(h.read(CLAUDE), [{ set: [...local, 'command'], value: 'node' }, { set: [...local, 'args'], value: ['./tools/db-mcp.js'] }]));
    const stale = (await doctor(t.vault, { repair: false, mcp: h.locations })).findings.filter((f) => f.kind === 'mcp-stale-connection');
    expect(stale.map((f) => [f.server, f.serverPath])).toEqual([['db', local]]);
    await doctor(t.vault, { repair: true, mcp: h.locations });
    expect(connectionsOfKey(t.vault.store.read(), key.id).map((r) => r.serverPath)).toEqual([['mcpServers', 'db']]);
  });

  it('a header written for a key revoked since: doctor says to take it out, and following its advice does (header and record gone)', async () => {
    const key = await t.vault.create({ name: 'revoked header' });
    await mcp.apply({ action: 'connect', ref: await ref('vscode', 'docs', 'header', 'Authorization', 'project'), keyId: key.id, form: 'header' });
    await t.vault.revoke(key.id);
    expect(h.read(DOCS)).toContain(key.secret);
    const findings = (await doctor(t.vault, { repair: false, mcp: h.locations })).findings.filter((f) => f.keyId === key.id);
    expect(findings.map((f) => [f.kind, f.server, f.slot])).toEqual([['mcp-key-inactive', 'docs', 'Authorization']]);
    expect(findings[0]!.message).toBe(
      `VS Code server "docs" (${h.file(DOCS)}) still has header "Authorization" written for key "revoked header", which is revoked. Take it out: mcpkv mcp disconnect ${key.id} --client vscode --server docs --scope project --project ${h.project}.`,
    );
    await followDisconnectAdvice(findings[0]!.message);
    expect(h.read(DOCS)).not.toContain(key.secret);
    expect(parseJsonc(h.read(DOCS))).toMatchObject({ ok: true, value: { servers: { docs: { type: 'sse', url: 'https://docs.example.com/sse' } } } });
    expect(connectionsOfKey(t.vault.store.read(), key.id)).toEqual([]);
    expect((await doctor(t.vault, { repair: false, mcp: h.locations })).findings.filter((f) => f.keyId === key.id)).toEqual([]);
  });
});
