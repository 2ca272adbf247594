/**
 * A real MCP round trip through `mcpkv run`: the SDK's own client starts an SDK stdio server (a test fixture that
 * needs MCP_API_KEY) through `mcpkv run --key ID=MCP_API_KEY -- node server`, the way an MCP host's config would.
 * The server reports a hash of the key it got, never the key.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../../shared/types';
import { repoRoot } from '../helpers/process';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

const MCPKV = path.join(repoRoot, 'bin/mcpkv.js');
const SERVER = path.join(repoRoot, 'test/fixtures/mcp/key-server.mjs');
const sha = (value: string) => createHash('sha256').update(value).digest('hex');
const RUN = (id: string) => [MCPKV, 'run', '--key', `${id}=MCP_API_KEY`, '--', process.execPath, SERVER];
const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

let t: TestVault;
/** The vault's environment (its folder, keychain service and the keyring's D-Bus session), without MCP_API_KEY. */
let env: Record<string, string>;
beforeEach(() => {
  t = makeTestVault();
  env = Object.fromEntries(Object.entries(t.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'MCP_API_KEY'));
});
afterEach(async () => {
  await t.cleanup();
});

/** An SDK client connected (initialize done) to the server started by `command args`, and the server side's stderr. */
async function connect(command: string, args: string[], serverEnv: Record<string, string>) {
  const transport = new StdioClientTransport({ command, args, env: serverEnv, cwd: repoRoot, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'mcpkv-test-host', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

/** Runs `node args` to its end with `input` on stdin; its stdout as raw bytes (no decoding that chunking could split). */
function runRaw(args: string[], processEnv: Record<string, string>, input: string): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: processEnv, cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }));
    child.stdin.end(input);
  });
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const [first] = result.content as { type: string; text: string }[];
  expect(first?.type).toBe('text');
  return first?.text ?? '';
}

describe('a stdio MCP server run through mcpkv run', () => {
  it('initialize and tools/call succeed; the server sees the key; mcpkv writes nothing of its own', async () => {
    const key = await t.vault.create({ name: 'mcp prod' });
    const { client, stderr } = await connect(process.execPath, RUN(key.id), env);
    try {
      expect(client.getServerVersion()).toEqual({ name: 'key-server', version: '1.0.0' });
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['echo', 'whoami']);
      expect(textOf(await client.callTool({ name: 'whoami', arguments: {} }))).toBe(sha(key.secret));
      // Text holding the key's value, multi-byte characters and escapes comes back unchanged: output to a pipe
      // is never masked or re-encoded. Compared by hash so a failure prints no secret.
      const text = `before ${key.secret} after — ✓ 🔑 "quoted" \\ \n\t\u0000 end`;
      expect(sha(textOf(await client.callTool({ name: 'echo', arguments: { text } })))).toBe(sha(text));
    } finally {
      await client.close();
    }
    expect(stderr()).toBe('');
    expect(t.open().get(key.id).usageCount).toBe(1);
    const events = fs.readFileSync(path.join(t.home, 'activity.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ActivityEvent);
    expect(events.filter((e) => e.type === 'injected')).toEqual([expect.objectContaining({ keyId: key.id, detail: path.basename(process.execPath) })]);
  });

  it('the server really needs the key: started without mcpkv run, it refuses and the client cannot initialize', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [SERVER], env, cwd: repoRoot, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    await expect(new Client({ name: 'mcpkv-test-host', version: '1.0.0' }).connect(transport)).rejects.toThrow(/Connection closed/);
    expect(stderr).toBe('key-server: MCP_API_KEY is not set\n');
  });

  it('a revoked key is refused before the server starts: one line on stderr, nothing on stdout', async () => {
    const key = await t.vault.create({ name: 'gone' });
    await t.vault.revoke(key.id);
    const result = await runRaw(RUN(key.id), env, `${initialize}\n`);
    expect(result.code).not.toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/"gone" is revoked/);
  });

  it('no byte of the protocol is altered: the same requests get the same bytes through mcpkv run as from the server started with the key directly', async () => {
    const key = await t.vault.create({ name: 'mcp prod' });
    const echo = (id: number, text: string) => JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { text } } });
    const requests = [
      initialize,
      JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
      JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'whoami', arguments: {} } }),
      echo(4, `${key.secret} — ✓ 🔑 \r\n ${'x'.repeat(100_000)}`),
    ].join('\n') + '\n';
    const through = await runRaw(RUN(key.id), env, requests);
    const direct = await runRaw([SERVER], { ...env, MCP_API_KEY: key.secret }, requests);
    expect(direct.code).toBe(0);
    expect(through.code).toBe(0);
    expect(through.stderr).toBe('');
    expect(through.stdout.toString().split('\n')).toHaveLength(5); // four answers (none for the notification) and the last newline
    expect(through.stdout.includes(sha(key.secret)), 'whoami answered the key’s hash').toBe(true);
    expect(through.stdout.equals(direct.stdout), 'byte-identical to the server’s own output').toBe(true);
  });
});
