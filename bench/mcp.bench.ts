/**
 * The MCP proxy's added latency per request (issue 15): the same `tools/call` to the same remote server
 * (test/fixtures/mcp/http-key-server.mjs on loopback, Bearer style), once straight from an SDK client over
 * Streamable HTTP, and once from an SDK client over stdio through the proxy form a config holds (`mcpkv run --key
 * <id>=MCPKV_PROXY_KEY -- mcpkv mcp proxy <url> …`, the key read from the bench vault's keychain). Interleaved,
 * one of each per round, so both see the same machine load. Start-up is not counted: both clients are connected
 * (initialize done) before the first timed call.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { KeytarSecretStore } from '../electron/core/keychain';
import { HEADER_OF_STYLE } from '../shared/copy-format';
import { PROXY_KEY_VAR } from '../shared/mcp';
import { buildLaunched, proxyArgs, type LauncherCommand } from '../shared/mcp-launcher';
import { headerOf, sha256, startHttpKeyServer } from '../test/helpers/http-key-server';
import { activeKeyWithSecret } from './cli.bench';
import type { BenchVault } from './fixture';
import { progress, scaled, stats, timed, value, type Figure } from './harness';

const GROUP = 'mcp';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function mcpBench(bv: BenchVault): Promise<Figure[]> {
  progress('building the CLI (node scripts/build-cli.mjs)');
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  const id = activeKeyWithSecret(bv);
  const secret = await new KeytarSecretStore(bv.service).get(id);
  if (!secret) throw new Error('the bench key has no secret in the keychain');
  const server = await startHttpKeyServer('bearer', sha256(secret));
  const clients: Client[] = [];
  try {
    const direct = new Client({ name: 'bench-direct', version: '1.0.0' });
    clients.push(direct);
    await direct.connect(new StreamableHTTPClientTransport(new URL(server.mcp), { requestInit: { headers: headerOf('bearer', secret) } }));

    const launcher: LauncherCommand = { command: process.execPath, args: [path.join(root, 'bin/mcpkv.js')] };
    const { header, scheme } = HEADER_OF_STYLE.bearer;
    const form = buildLaunched({
      launcher,
      keys: [{ keyId: id, variable: PROXY_KEY_VAR }],
      command: launcher.command,
      args: proxyArgs(launcher, { url: server.mcp, header, scheme, transport: 'http', extraHeaders: [] }, PROXY_KEY_VAR),
    });
    // The CLI as a user's MCP client runs it: no test-only variables beyond where the vault is.
    const env = Object.fromEntries(Object.entries({ ...bv.env, NODE_OPTIONS: '' }).filter((e): e is [string, string] => e[1] !== undefined));
    const proxied = new Client({ name: 'bench-proxied', version: '1.0.0' });
    clients.push(proxied);
    await proxied.connect(new StdioClientTransport({ command: form.command, args: form.args, env, cwd: root, stderr: 'inherit' }));

    const call = async (client: Client) => {
      const result = await client.callTool({ name: 'whoami', arguments: {} });
      if (result.isError) throw new Error('whoami failed');
    };
    const warmup = 30;
    const runs = scaled(500);
    const samples = { direct: [] as number[], proxied: [] as number[] };
    for (let i = 0; i < warmup + runs; i++) {
      for (const [name, client] of [['direct', direct], ['proxied', proxied]] as const) {
        const start = performance.now();
        await call(client);
        if (i >= warmup) samples[name].push(performance.now() - start);
      }
    }
    const added = stats(samples.proxied).median - stats(samples.direct).median;
    return [
      timed(GROUP, 'tools/call round trip, direct (Streamable HTTP client → server)', samples.direct, undefined, 'SDK client in the bench process, loopback HTTP'),
      timed(GROUP, 'tools/call round trip, through mcpkv mcp proxy (stdio client → proxy → server)', samples.proxied, undefined, 'the proxy form a config holds: mcpkv run --key <id>=MCPKV_PROXY_KEY -- mcpkv mcp proxy <url>'),
      value(GROUP, "proxy's added latency per request (medians' difference)", 'ms', added, undefined, 'same run, interleaved'),
    ];
  } finally {
    await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    await server.stop();
  }
}
