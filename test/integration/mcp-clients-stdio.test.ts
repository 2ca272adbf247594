/**
 * A real MCP round trip through an imported client config: a Claude Desktop config in a temp HOME holds a stdio
 * server's key in plain text (`env`); McpService imports it (the launcher: this checkout's `node bin/mcpkv.js`);
 * then the SDK's own client starts the server with exactly the command, args and env read back from the rewritten
 * file — plus what a desktop session's environment has (the vault's folder and keychain service, the keyring's
 * D-Bus session), and no shell PATH of ours beyond what the SDK itself passes on — and initialize and tools/call
 * succeed, the server got the key (compared by hash), and the file holds no secret.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseJsonc } from '../../electron/core/mcp/jsonc-edits';
import { McpService } from '../../electron/core/mcp/mcp-service';
import { repoRoot } from '../helpers/process';
import { TEST_LAUNCHER } from '../helpers/test-mcp';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

const SERVER = path.join(repoRoot, 'test/fixtures/mcp/key-server.mjs');
const sha = (value: string) => createHash('sha256').update(value).digest('hex');
/** What a desktop session gives the processes it starts, as far as the vault is concerned. */
const SESSION_VARIABLES = ['MCPKV_HOME', 'MCPKV_KEYCHAIN_SERVICE', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'HOME'];

let t: TestVault;
let home: string;
beforeEach(() => {
  t = makeTestVault();
  home = fs.mkdtempSync(path.join(t.home, 'client-home-'));
});
afterEach(async () => {
  await t.cleanup();
});

describe('a stdio server imported from a Claude Desktop config', () => {
  it('starts from exactly what the rewritten file says, gets the key from the keychain, and the file holds no secret', async () => {
    const secret = `mcp_sk_${createHash('sha256').update(t.service).digest('hex').slice(0, 40)}`;
    const file = path.join(home, '.config', 'Claude', 'claude_desktop_config.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ mcpServers: { keys: { command: process.execPath, args: [SERVER], env: { MCP_API_KEY: secret } } } }, null, 2)}\n`);

    const mcp = new McpService(t.vault, { launcher: TEST_LAUNCHER, locations: { platform: 'linux', home, xdgConfigHome: path.join(home, '.config') } });
    const [server] = await mcp.servers({ client: 'claude-desktop' });
    expect(server!.slots).toEqual([{ kind: 'env', name: 'MCP_API_KEY', state: 'plaintext-key', masked: `mcp_sk_…${secret.slice(-4)}` }]);
    const result = await mcp.apply({ action: 'import', ref: { configId: server!.configId, server: 'keys', slot: { kind: 'env', name: 'MCP_API_KEY' } } });
    expect(await t.vault.secretOf(result.keyId)).toBe(secret);

    const text = fs.readFileSync(file, 'utf8');
    expect(text.includes(secret), 'no secret in the config').toBe(false);
    const parsed = parseJsonc(text);
    if (!parsed.ok) throw new Error('the config does not parse');
    const entry = (parsed.value as { mcpServers: { keys: { command: string; args: string[]; env?: Record<string, string> } } }).mcpServers.keys;
    expect(path.isAbsolute(entry.command)).toBe(true);
    expect(entry.args).toEqual([...TEST_LAUNCHER.args, 'run', '--key', `${result.keyId}=MCP_API_KEY`, '--', process.execPath, SERVER]);

    const session = Object.fromEntries(SESSION_VARIABLES.flatMap((name) => (t.env[name] === undefined ? [] : [[name, t.env[name]!]])));
    const transport = new StdioClientTransport({ command: entry.command, args: entry.args, env: { ...session, ...entry.env }, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: 'claude-desktop-like', version: '1.0.0' });
    await client.connect(transport);
    try {
      expect(client.getServerVersion()).toEqual({ name: 'key-server', version: '1.0.0' });
      const answer = await client.callTool({ name: 'whoami', arguments: {} });
      expect(answer.content).toEqual([{ type: 'text', text: sha(secret) }]);
    } finally {
      await client.close();
    }
    expect(stderr).toBe('');
    // One use for the import (a connection, like an export), one for the run.
    expect(t.open().get(result.keyId).usageCount).toBe(2);
  });
});
