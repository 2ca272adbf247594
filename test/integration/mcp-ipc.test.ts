/**
 * The `mcp:*` channels as the renderer meets them: the main side over a real vault and keychain, with MCP clients'
 * configs in a fixture HOME. What crosses to the renderer holds no value; an import moves the key from the file into
 * the keychain without asking twice; writing a vault key into a config in plain text (the header form, a disconnect
 * that writes the value back) is asked in main's own dialog, and refused unless the user agrees, file untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Projects } from '../../electron/core/projects';
import type { McpChangePreview, McpChangeResult, McpConfigView, McpConnectionView, McpServerView } from '../../shared/mcp';
import type { KeyView } from '../../shared/types';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { makeClientHome, type ClientHome } from '../helpers/mcp-client-home';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let ipc: IpcHarness;
let h: ClientHome;

const DESKTOP = 'home/.config/Claude/claude_desktop_config.json';
const CLAUDE = 'home/.claude.json';

beforeEach(async () => {
  t = makeTestVault();
  // The six clients' fixture configs in the vault's folder (removed with it), their project known to the vault.
  h = makeClientHome({ root: path.join(t.home, 'mcp-clients') });
  await new Projects(t.vault.store).add(h.project);
  ipc = makeIpcHarness(t.vault, { clientHome: h.home });
});
afterEach(async () => {
  await t.cleanup();
});

async function server(name: string): Promise<McpServerView> {
  const found = (await ipc.ok<McpServerView[]>('mcp:servers')).find((s) => s.name === name);
  expect(found, name).toBeDefined();
  return found!;
}

const ref = (s: McpServerView, kind: 'env' | 'header', name: string) => ({ configId: s.configId, server: s.name, slot: { kind, name } });

describe('mcp: over IPC', () => {
  it('lists configs and servers with slot states, and no value crosses', async () => {
    const configs = await ipc.ok<McpConfigView[]>('mcp:configs');
    const broken = configs.find((c) => c.file === h.file('project/.cursor/mcp.json'))!;
    expect(broken.error).toMatch(/ does not parse /);
    expect(broken.error).not.toContain('\n');
    const servers = await ipc.ok<McpServerView[]>('mcp:servers');
    const weather = servers.find((s) => s.name === 'weather')!;
    expect(weather.slots).toEqual([
      expect.objectContaining({ kind: 'env', name: 'WEATHER_API_KEY', state: 'plaintext-key' }),
      expect.objectContaining({ kind: 'env', name: 'WEATHER_REGION', state: 'plaintext' }),
    ]);
    expect((await ipc.ok<McpServerView[]>('mcp:servers', { client: 'cursor' })).map((s) => s.name)).toEqual(['recherche-équipe 🔎', 'linear']);
    // The previews of importing a key into the launcher, the proxy or the header form show no value (its own or another).
    const cloud = servers.find((s) => s.name === 'cloud')!;
    const previews = [
      await ipc.ok<McpChangePreview>('mcp:preview', { action: 'import', ref: ref(weather, 'env', 'WEATHER_API_KEY') }),
      await ipc.ok<McpChangePreview>('mcp:preview', { action: 'import', ref: ref(cloud, 'header', 'Authorization'), form: 'proxy' }),
      await ipc.ok<McpChangePreview>('mcp:preview', { action: 'import', ref: ref(cloud, 'header', 'Authorization'), form: 'header' }),
    ];
    expect(previews[1]!.diff).toContainEqual({ kind: 'removed', text: `    "Authorization": "Bearer mcp_sk_…${h.keys.cloud!.slice(-4)}",` });
    // The variable beside the imported one stays as it was.
    expect(previews[0]!.diff.filter((l) => l.kind !== 'same' && l.text.includes('WEATHER_REGION'))).toEqual([]);
    const everything = JSON.stringify([configs, servers, previews]);
    for (const [name, value] of Object.entries(h.keys)) expect(everything.includes(value), name).toBe(false);
  });

  it('imports a plaintext key without a second question; the file keeps no key; forKey lists the server', async () => {
    const github = await server('github');
    const change = { action: 'import', ref: ref(github, 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN') };
    const preview = await ipc.ok<McpChangePreview>('mcp:preview', change);
    expect(preview).toMatchObject({ file: h.file(DESKTOP), form: 'launcher', holdsSecret: false });
    expect(JSON.stringify(preview)).not.toContain(h.keys.github);

    const result = await ipc.ok<McpChangeResult>('mcp:apply', change);
    expect(result).toMatchObject({ server: 'github', form: 'launcher' });
    expect(ipc.confirm.asked).toEqual([]);
    expect(h.read(DESKTOP)).not.toContain(h.keys.github);
    expect((await t.keychain()).get(result.keyId)).toBe(h.keys.github);
    const key = await ipc.ok<KeyView>('keys:get', { id: result.keyId });
    expect(key.source).toBe('imported');
    const used = await ipc.ok<McpConnectionView[]>('mcp:forKey', { id: result.keyId });
    expect(used).toEqual([expect.objectContaining({ client: 'claude-desktop', server: 'github', form: 'launcher', configId: github.configId })]);
    expect((await server('github')).slots).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'GITHUB_PERSONAL_ACCESS_TOKEN', state: 'connected', keyId: result.keyId })]),
    );
  });

  it('asks in main before writing a vault key into a config in plain text, and changes nothing when refused', async () => {
    const key = await t.vault.create({ name: 'cloud key', httpHeader: 'bearer' });
    const cloud = await server('cloud');
    const header = { action: 'connect', ref: ref(cloud, 'header', 'Authorization'), keyId: key.id, form: 'header' };
    const before = h.read(CLAUDE);

    ipc.confirm.answer = false;
    const refused = await ipc.fails('mcp:apply', header, 'FORBIDDEN');
    expect(refused).toContain('Write the key');
    expect(ipc.confirm.asked).toEqual([expect.objectContaining({ message: `Write key “cloud key” into ${h.file(CLAUDE)} in plain text?`, confirmLabel: 'Write the key' })]);
    expect(h.read(CLAUDE)).toBe(before);

    ipc.confirm.answer = true;
    await ipc.ok('mcp:apply', header);
    expect(h.read(CLAUDE)).toContain(key.secret);
    expect(fs.statSync(h.file(CLAUDE)).mode & 0o077).toBe(0);

    // Taking it out asks nothing; writing the value back asks again.
    const asked = ipc.confirm.asked.length;
    await ipc.ok('mcp:apply', { action: 'disconnect', ref: ref(cloud, 'header', 'Authorization'), keyId: key.id });
    expect(ipc.confirm.asked).toHaveLength(asked);
    expect(h.read(CLAUDE)).not.toContain(key.secret);
  });

  it('a disconnect that writes the value back is asked first', async () => {
    const github = await server('github');
    const slot = ref(github, 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN');
    const { keyId } = await ipc.ok<McpChangeResult>('mcp:apply', { action: 'import', ref: slot });
    ipc.confirm.answer = false;
    await ipc.fails('mcp:apply', { action: 'disconnect', ref: slot, keyId, writeValue: true }, 'FORBIDDEN');
    expect(h.read(DESKTOP)).not.toContain(h.keys.github);
    expect(ipc.confirm.asked.at(-1)).toMatchObject({ title: 'Write a key back into a config' });
    ipc.confirm.answer = true;
    await ipc.ok('mcp:apply', { action: 'disconnect', ref: slot, keyId, writeValue: true });
    expect(JSON.parse(h.read(DESKTOP)).mcpServers.github).toEqual({
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-github'],
      env: { GITHUB_PERSONAL_ACCESS_TOKEN: h.keys.github },
    });
  });

  it('refuses bad names with one line, naming the field, and leaves every file as it was', async () => {
    const github = await server('github');
    const before = h.all();
    expect(await ipc.fails('mcp:preview', { action: 'import', ref: { ...ref(github, 'env', 'X'), configId: '../../etc' } }, 'VALIDATION')).toContain('Config id');
    expect(await ipc.fails('mcp:apply', { action: 'import', ref: ref(github, 'header', 'Bad Header') }, 'VALIDATION')).toContain('Header name');
    expect(await ipc.fails('mcp:apply', { action: 'import', ref: ref(github, 'env', 'A-B') }, 'VALIDATION')).toContain('Variable name');
    expect(await ipc.fails('mcp:servers', { client: 'emacs' }, 'VALIDATION')).toContain('Client must be one of');
    expect(await ipc.fails('mcp:forKey', { id: '0123456789abcdef' }, 'NOT_FOUND')).toMatch(/\S/);
    expect(h.all()).toEqual(before);
  });
});
