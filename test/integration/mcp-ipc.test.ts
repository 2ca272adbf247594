/**
 * The `mcp:*` channels as the renderer meets them: the main side over a real vault and keychain, with MCP clients'
 * configs in a fixture HOME. What crosses to the renderer holds no value; an import moves the key from the file into
 * the keychain without asking twice; writing a vault key into a config in plain text (the header form, a disconnect
 * that writes the value back) is asked in main's own dialog, and refused unless the user agrees, file untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { McpChangePreview, McpChangeResult, McpConfigView, McpConnectionView, McpServerView } from '../../shared/mcp';
import type { KeyView } from '../../shared/types';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { writeClientFixtures, type ClientFixtures } from '../helpers/mcp-client-fixtures';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let ipc: IpcHarness;
let fx: ClientFixtures;

beforeEach(() => {
  t = makeTestVault();
  // The harness looks for client configs in <vault folder>/client-home.
  fx = writeClientFixtures(path.join(t.home, 'client-home'));
  ipc = makeIpcHarness(t.vault);
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
    const zed = configs.find((c) => c.client === 'zed' && c.scope === 'user')!;
    expect(zed.error).toMatch(/\S/);
    expect(zed.error).not.toContain('\n');
    const servers = await ipc.ok<McpServerView[]>('mcp:servers');
    const github = servers.find((s) => s.name === 'github')!;
    expect(github.slots).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'env', name: 'GITHUB_PERSONAL_ACCESS_TOKEN', state: 'plaintext-key' }),
        expect.objectContaining({ kind: 'env', name: 'LOG_LEVEL', state: 'plaintext' }),
      ]),
    );
    expect((await ipc.ok<McpServerView[]>('mcp:servers', { client: 'cursor' })).map((s) => s.name)).toEqual(['search']);
    // The previews of importing either key, into the launcher or the proxy form, show neither value (nor any other).
    const search = servers.find((s) => s.name === 'search')!;
    const previews = [
      await ipc.ok<McpChangePreview>('mcp:preview', { action: 'import', ref: ref(github, 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN') }),
      await ipc.ok<McpChangePreview>('mcp:preview', { action: 'import', ref: ref(search, 'header', 'Authorization'), form: 'proxy' }),
      await ipc.ok<McpChangePreview>('mcp:preview', { action: 'import', ref: ref(search, 'header', 'Authorization'), form: 'header' }),
    ];
    expect(previews[1]!.diff).toEqual(expect.arrayContaining([{ kind: 'removed', text: `    "Authorization": "Bearer mcp_sk_…${fx.searchKey.slice(-4)}"` }]));
    expect(previews[0]!.diff.map((l) => l.text)).not.toContain('    "LOG_LEVEL": "debug"');
    const everything = JSON.stringify([configs, servers, previews]);
    expect(everything).not.toContain(fx.githubToken);
    expect(everything).not.toContain(fx.searchKey);
  });

  it('imports a plaintext key without a second question; the file keeps no key; forKey lists the server', async () => {
    const github = await server('github');
    const change = { action: 'import', ref: ref(github, 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN') };
    const preview = await ipc.ok<McpChangePreview>('mcp:preview', change);
    expect(preview).toMatchObject({ file: fx.files['claude-desktop'], form: 'launcher', holdsSecret: false });
    expect(JSON.stringify(preview)).not.toContain(fx.githubToken);

    const result = await ipc.ok<McpChangeResult>('mcp:apply', change);
    expect(result).toMatchObject({ server: 'github', form: 'launcher' });
    expect(ipc.confirm.asked).toEqual([]);
    expect(fs.readFileSync(fx.files['claude-desktop'], 'utf8')).not.toContain(fx.githubToken);
    expect((await t.keychain()).get(result.keyId)).toBe(fx.githubToken);
    const key = await ipc.ok<KeyView>('keys:get', { id: result.keyId });
    expect(key.source).toBe('imported');
    const used = await ipc.ok<McpConnectionView[]>('mcp:forKey', { id: result.keyId });
    expect(used).toEqual([expect.objectContaining({ client: 'claude-desktop', server: 'github', form: 'launcher', configId: github.configId })]);
    expect((await server('github')).slots).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'GITHUB_PERSONAL_ACCESS_TOKEN', state: 'connected', keyId: result.keyId })]),
    );
  });

  it('asks in main before writing a vault key into a config in plain text, and changes nothing when refused', async () => {
    const key = await t.vault.create({ name: 'search key', httpHeader: 'bearer' });
    const search = await server('search');
    const header = { action: 'connect', ref: ref(search, 'header', 'Authorization'), keyId: key.id, form: 'header' };
    const before = fs.readFileSync(fx.files.cursor, 'utf8');

    ipc.confirm.answer = false;
    const refused = await ipc.fails('mcp:apply', header, 'FORBIDDEN');
    expect(refused).toContain('Write the key');
    expect(ipc.confirm.asked).toEqual([expect.objectContaining({ message: `Write key “search key” into ${fx.files.cursor} in plain text?`, confirmLabel: 'Write the key' })]);
    expect(fs.readFileSync(fx.files.cursor, 'utf8')).toBe(before);

    ipc.confirm.answer = true;
    await ipc.ok('mcp:apply', header);
    expect(fs.readFileSync(fx.files.cursor, 'utf8')).toContain(key.secret);
    expect(fs.statSync(fx.files.cursor).mode & 0o077).toBe(0);

    // Taking it out asks nothing; writing the value back asks again.
    const asked = ipc.confirm.asked.length;
    await ipc.ok('mcp:apply', { action: 'disconnect', ref: ref(search, 'header', 'Authorization'), keyId: key.id });
    expect(ipc.confirm.asked).toHaveLength(asked);
    expect(fs.readFileSync(fx.files.cursor, 'utf8')).not.toContain(key.secret);
  });

  it('a disconnect that writes the value back is asked first', async () => {
    const github = await server('github');
    const slot = ref(github, 'env', 'GITHUB_PERSONAL_ACCESS_TOKEN');
    const { keyId } = await ipc.ok<McpChangeResult>('mcp:apply', { action: 'import', ref: slot });
    ipc.confirm.answer = false;
    await ipc.fails('mcp:apply', { action: 'disconnect', ref: slot, keyId, writeValue: true }, 'FORBIDDEN');
    expect(fs.readFileSync(fx.files['claude-desktop'], 'utf8')).not.toContain(fx.githubToken);
    expect(ipc.confirm.asked.at(-1)).toMatchObject({ title: 'Write a key back into a config' });
    ipc.confirm.answer = true;
    await ipc.ok('mcp:apply', { action: 'disconnect', ref: slot, keyId, writeValue: true });
    expect(JSON.parse(fs.readFileSync(fx.files['claude-desktop'], 'utf8')).mcpServers.github).toEqual({
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-github'],
      env: { GITHUB_PERSONAL_ACCESS_TOKEN: fx.githubToken, LOG_LEVEL: 'debug' },
    });
  });

  it('refuses bad names with one line, naming the field, and leaves every file as it was', async () => {
    const github = await server('github');
    const before = Object.values(fx.files).map((f) => fs.readFileSync(f, 'utf8'));
    expect(await ipc.fails('mcp:preview', { action: 'import', ref: { ...ref(github, 'env', 'X'), configId: '../../etc' } }, 'VALIDATION')).toContain('Config id');
    expect(await ipc.fails('mcp:apply', { action: 'import', ref: ref(github, 'header', 'Bad Header') }, 'VALIDATION')).toContain('Header name');
    expect(await ipc.fails('mcp:apply', { action: 'import', ref: ref(github, 'env', 'A-B') }, 'VALIDATION')).toContain('Variable name');
    expect(await ipc.fails('mcp:servers', { client: 'emacs' }, 'VALIDATION')).toContain('Client must be one of');
    expect(await ipc.fails('mcp:forKey', { id: '0123456789abcdef' }, 'NOT_FOUND')).toMatch(/\S/);
    expect(Object.values(fx.files).map((f) => fs.readFileSync(f, 'utf8'))).toEqual(before);
  });
});
