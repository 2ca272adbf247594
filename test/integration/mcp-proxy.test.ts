/**
 * A real MCP round trip to a remote server (issue 15, "Remote servers"). An SDK Streamable HTTP server on loopback
 * (test/fixtures/mcp/http-key-server.mjs, a process of its own) accepts only its key, in one of the seeds' header
 * styles, and answers 401 otherwise. For each style:
 * - a client sending the header the way a config's header form holds it connects and calls the tool;
 * - a client starting the proxy form (`mcpkv run --key <id>=MCPKV_PROXY_KEY -- mcpkv mcp proxy <url> …`, built by
 *   shared/mcp-launcher.ts exactly as a config holds it) does too, the key coming from the real keychain;
 * - after `mcpkv rotate`, the old key gets 401, the new one works, and a fresh proxy carries it;
 * - a wrong key ends the proxy with one line on stderr and a non-zero exit, no key value anywhere.
 * The key is in neither the proxy's argv nor its environment (Linux: /proc/<pid>/cmdline and environ).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEADER_OF_STYLE } from '../../shared/copy-format';
import { PROXY_KEY_VAR } from '../../shared/mcp';
import { buildLaunched, parseLaunched, parseProxy, proxyArgs, type LauncherCommand, type ProxyOptions } from '../../shared/mcp-launcher';
import { headerOf, sha256, startHttpKeyServer, type HeaderStyle, type HttpKeyServer } from '../helpers/http-key-server';
import { runProcess } from '../helpers/process';
import { makeTestVault, parseJson, repoRoot, runCli, type TestVault } from '../helpers/test-vault';

const MCPKV = path.join(repoRoot, 'bin/mcpkv.js');
/** The launcher of a source install: Node and the CLI's entry, absolute. */
const launcher: LauncherCommand = { command: process.execPath, args: [MCPKV] };
const STYLES = Object.keys(HEADER_OF_STYLE) as HeaderStyle[];
/** Hang guard for tests that start several processes on a busy machine; nothing is timed. */
const SLOW = { timeout: 180_000 };

const initialize = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});
const lines = (...messages: object[]) => messages.map((m) => `${JSON.stringify(m)}\n`).join('');

/** The proxy form of a remote server, as a config holds it. */
function proxyForm(keyId: string, style: HeaderStyle, url: string, more: Partial<ProxyOptions> = {}) {
  const { header, scheme } = HEADER_OF_STYLE[style];
  const options: ProxyOptions = { url, header, scheme, transport: 'http', extraHeaders: [], ...more };
  const form = buildLaunched({ launcher, keys: [{ keyId, variable: PROXY_KEY_VAR }], command: launcher.command, args: proxyArgs(launcher, options, PROXY_KEY_VAR) });
  // What the config's readers will see in it: the launcher form around the proxy, with these options.
  expect(parseProxy(parseLaunched(form.command, form.args)!)).toEqual({ ...options, variable: PROXY_KEY_VAR });
  return form;
}

let t: TestVault;
let server: HttpKeyServer | undefined;
/** The vault's environment (its folder, keychain service, the keyring's D-Bus session), with no key variable in it. */
let env: Record<string, string>;
beforeEach(() => {
  t = makeTestVault();
  env = Object.fromEntries(Object.entries(t.env).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== PROXY_KEY_VAR));
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  await t.cleanup();
});

/** A client connected straight to the server with `headers`, as an MCP client with the header form in its config. */
async function direct(url: string, headers: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'mcpkv-test-host', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** A client that starts the proxy form through the SDK's stdio transport, as an MCP client with the form in its config. */
async function viaProxy(form: { command: string; args: string[] }) {
  const transport = new StdioClientTransport({ command: form.command, args: form.args, env, cwd: repoRoot, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'mcpkv-test-host', version: '1.0.0' });
  await client.connect(transport);
  return { client, pid: transport.pid!, stderr: () => stderr };
}

async function whoami(client: Client): Promise<{ key: string; tenant: string | null }> {
  const result = await client.callTool({ name: 'whoami', arguments: {} });
  const [first] = result.content as { type: string; text: string }[];
  return JSON.parse(first!.text) as { key: string; tenant: string | null };
}

/** Closes `client` and, for the proxy, waits for the processes it started to end. */
async function closeAll(...clients: Client[]) {
  await Promise.all(clients.map((c) => c.close()));
}

/** On Linux: the process `pid` and every process below it, with their argv and starting environment. */
function processTree(pid: number): { pid: number; cmdline: string; environ: string }[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const below = (p: number): number[] => [p, ...[...parentOf].filter(([, parent]) => parent === p).flatMap(([child]) => below(child))];
  return below(pid).map((p) => ({
    pid: p,
    cmdline: fs.readFileSync(`/proc/${p}/cmdline`, 'utf8'),
    environ: fs.readFileSync(`/proc/${p}/environ`, 'utf8'),
  }));
}

describe.each(STYLES)('a remote MCP server taking its key as %s', (style) => {
  it('the header form: a client sending the header as the config holds it connects, and none other does', SLOW, async () => {
    const key = await t.vault.create({ name: `remote ${style}` });
    server = await startHttpKeyServer(style, sha256(key.secret));
    const client = await direct(server.mcp, headerOf(style, key.secret));
    try {
      expect(client.getServerVersion()).toEqual({ name: 'http-key-server', version: '1.0.0' });
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['whoami']);
      expect(await whoami(client)).toEqual({ key: sha256(key.secret), tenant: null });
    } finally {
      await closeAll(client);
    }
    // The server really checks: no header, or the key in another style, is answered 401.
    await expect(direct(server.mcp, {})).rejects.toMatchObject({ code: 401 });
    const other = STYLES.find((s) => HEADER_OF_STYLE[s].header !== HEADER_OF_STYLE[style].header || HEADER_OF_STYLE[s].scheme !== HEADER_OF_STYLE[style].scheme)!;
    await expect(direct(server.mcp, headerOf(other, key.secret))).rejects.toMatchObject({ code: 401 });
  });

  it('the proxy form: a client starting mcpkv run … mcp proxy connects and calls the tool; the key is in no argv or environment', SLOW, async () => {
    const key = await t.vault.create({ name: `remote ${style}` });
    server = await startHttpKeyServer(style, sha256(key.secret));
    const form = proxyForm(key.id, style, server.mcp, { extraHeaders: ['X-Tenant: acme'] });
    expect(JSON.stringify(form)).not.toContain(key.secret);
    const { client, pid, stderr } = await viaProxy(form);
    try {
      expect(client.getServerVersion()).toEqual({ name: 'http-key-server', version: '1.0.0' });
      expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['whoami']);
      expect(await whoami(client)).toEqual({ key: sha256(key.secret), tenant: 'acme' });
      if (process.platform === 'linux') {
        // mcpkv run, and the proxy (its child; or itself, where run replaces itself with the command).
        const tree = processTree(pid);
        const proxy = tree.filter((p) => p.cmdline.split('\0').slice(2, 4).join(' ') === 'mcp proxy');
        expect(proxy).toHaveLength(1);
        for (const p of tree) {
          expect(p.cmdline.includes(key.secret), `argv of ${p.pid}`).toBe(false);
          expect(p.environ.includes(key.secret), `environment of ${p.pid}`).toBe(false);
        }
        expect(proxy[0]!.environ.split('\0').some((entry) => entry.startsWith(`${PROXY_KEY_VAR}=`))).toBe(false);
      }
    } finally {
      await closeAll(client);
    }
    expect(stderr()).toBe('');
  });

  it('after mcpkv rotate the old key gets 401 and the new one works, through a freshly started proxy', SLOW, async () => {
    const key = await t.vault.create({ name: `remote ${style}` });
    server = await startHttpKeyServer(style, sha256(key.secret));
    const before = await viaProxy(proxyForm(key.id, style, server.mcp));
    expect((await whoami(before.client)).key).toBe(sha256(key.secret));

    const rotated = parseJson<{ id: string; secret: string }>(await runCli(['rotate', key.id, '--json'], env));
    expect(rotated.id).toBe(key.id);
    expect(rotated.secret).not.toBe(key.secret);
    await server.expect(sha256(rotated.secret)); // the provider's side of the rotation

    await expect(direct(server.mcp, headerOf(style, key.secret))).rejects.toMatchObject({ code: 401 });
    const fresh = await direct(server.mcp, headerOf(style, rotated.secret));
    expect((await whoami(fresh).finally(() => closeAll(fresh))).key).toBe(sha256(rotated.secret));

    // The proxy started before the rotation still sends the old key: its next request is refused, and it ends.
    await expect(whoami(before.client)).rejects.toThrow(/The server refused the key \(401 Unauthorized\)/);
    await closeAll(before.client);
    expect(before.stderr()).toMatch(/^mcpkv: The server refused the key \(401 Unauthorized\)[^\n]*\n$/);

    // Started again, as an MCP client would, the proxy reads the new key from the vault.
    const after = await viaProxy(proxyForm(key.id, style, server.mcp));
    try {
      expect((await whoami(after.client)).key).toBe(sha256(rotated.secret));
    } finally {
      await closeAll(after.client);
    }
    expect(after.stderr()).toBe('');
  });

  it('a wrong key: one line on stderr naming the 401, a non-zero exit, and no key value anywhere', SLOW, async () => {
    const right = await t.vault.create({ name: 'right' });
    const wrong = await t.vault.create({ name: 'wrong' });
    server = await startHttpKeyServer(style, sha256(right.secret));
    const form = proxyForm(wrong.id, style, server.mcp);
    const result = await runProcess(form.command, form.args, env, { input: lines(initialize(1)) });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^mcpkv: The server refused the key \(401 Unauthorized\): [^\n]*\n$/);
    expect(result.stderr).toContain(`"${HEADER_OF_STYLE[style].header}: `);
    // On stdout only protocol: initialize answered with the same reason, so a client can show it.
    const [answer, ...rest] = result.stdout.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(JSON.parse(answer!)).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32603, message: result.stderr.slice('mcpkv: '.length).trimEnd() } });
    for (const secret of [right.secret, wrong.secret]) {
      expect(result.stderr.includes(secret)).toBe(false);
      expect(result.stdout.includes(secret)).toBe(false);
    }
  });
});

describe('mcpkv mcp proxy', () => {
  it('ends cleanly when stdin ends: every request sent is answered first, exit 0, nothing on stderr', SLOW, async () => {
    const key = await t.vault.create({ name: 'remote' });
    server = await startHttpKeyServer('bearer', sha256(key.secret));
    // All at once, without waiting for initialize's answer: the proxy holds the rest until the session exists.
    const input = lines(initialize(1), { jsonrpc: '2.0', method: 'notifications/initialized' }, { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'whoami', arguments: {} } });
    const form = proxyForm(key.id, 'bearer', server.mcp);
    const result = await runProcess(form.command, form.args, env, { input });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const answers = result.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: number; result: Record<string, unknown> });
    expect(answers.map((a) => a.id)).toEqual([1, 2]);
    expect(answers[0]!.result.serverInfo).toEqual({ name: 'http-key-server', version: '1.0.0' });
    const [content] = answers[1]!.result.content as { text: string }[];
    expect(JSON.parse(content!.text)).toEqual({ key: sha256(key.secret), tenant: null });
  });

  it('ends with one line and a non-zero exit when the server goes away', SLOW, async () => {
    const key = await t.vault.create({ name: 'remote' });
    server = await startHttpKeyServer('bearer', sha256(key.secret));
    const form = proxyForm(key.id, 'bearer', server.mcp);
    const child = spawn(form.command, form.args, { env, cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const answered = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('\n')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin.write(lines(initialize(1), { jsonrpc: '2.0', method: 'notifications/initialized' }));
    await Promise.race([answered, exited.then((code) => Promise.reject(new Error(`the proxy exited ${code} before answering: ${stderr}`)))]);
    expect(JSON.parse(stdout.split('\n')[0]!)).toMatchObject({ id: 1, result: { serverInfo: { name: 'http-key-server' } } });
    await server.stop();
    // stdin stays open: only the server's going away can end the proxy.
    const code = await exited;
    child.stdin.end();
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^mcpkv: (The server closed the connection|The server at http:\/\/127\.0\.0\.1:\d+ cannot be reached \(ECONNREFUSED\))\.\n$/);
  });

  it('the older HTTP+SSE transport (--transport sse) works the same way, and refuses a wrong key the same way', SLOW, async () => {
    const key = await t.vault.create({ name: 'remote sse' });
    const wrong = await t.vault.create({ name: 'wrong' });
    server = await startHttpKeyServer('x-api-key', sha256(key.secret));
    const { client, stderr } = await viaProxy(proxyForm(key.id, 'x-api-key', server.sse, { transport: 'sse', extraHeaders: ['X-Tenant: acme'] }));
    try {
      expect(await whoami(client)).toEqual({ key: sha256(key.secret), tenant: 'acme' });
    } finally {
      await closeAll(client);
    }
    expect(stderr()).toBe('');

    const form = proxyForm(wrong.id, 'x-api-key', server.sse, { transport: 'sse' });
    const refused = await runProcess(form.command, form.args, env, { input: lines(initialize(1)) });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^mcpkv: The server refused the key \(401 Unauthorized\): [^\n]*"X-API-Key: …"\.\n$/);
    expect(refused.stderr.includes(wrong.secret) || refused.stdout.includes(wrong.secret)).toBe(false);
  });

  it('refuses to start without its variable: one line, exit 2, nothing on stdout', async () => {
    const result = await runCli(['mcp', 'proxy', 'http://127.0.0.1:9/mcp', '--header', 'Authorization', '--scheme', 'Bearer', '--from-env', PROXY_KEY_VAR], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`mcpkv: ${PROXY_KEY_VAR} is not set: the proxy takes its key from the environment only; start it with mcpkv run --key <id>=${PROXY_KEY_VAR} -- … mcp proxy ….\n`);
  });

  it('refuses plain http to another machine (the key would travel unencrypted); loopback is fine', async () => {
    const withKey = { ...env, [PROXY_KEY_VAR]: 'k'.repeat(32) };
    for (const url of ['http://mcp.example.com/mcp', 'http://10.0.0.5:8080/mcp']) {
      const result = await runCli(['mcp', 'proxy', url, '--header', 'X-API-Key', '--from-env', PROXY_KEY_VAR], withKey);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('mcpkv: The server URL is http:// to another machine: the key would cross the network unencrypted. Use its https:// URL.\n');
    }
  });
});
