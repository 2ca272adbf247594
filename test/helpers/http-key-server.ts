/**
 * Starts test/fixtures/mcp/http-key-server.mjs, a remote MCP server on loopback that accepts one key in one header
 * style, as a real process. It is given the key's SHA-256, never the key; expect() tells it the new one after a
 * rotation and waits until it has taken it. Used by the MCP proxy tests and the proxy's latency bench.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { HEADER_OF_STYLE, headerValue } from '../../shared/copy-format';
import { repoRoot } from './process';

export type HeaderStyle = keyof typeof HEADER_OF_STYLE;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The header a config holds for `key` in `style`: `Authorization: Bearer <key>`, `X-API-Key: <key>`, `Authorization: ApiKey <key>`. */
export function headerOf(style: HeaderStyle, key: string): Record<string, string> {
  const { header, scheme } = HEADER_OF_STYLE[style];
  return { [header]: headerValue(scheme, key) };
}

export interface HttpKeyServer {
  /** Streamable HTTP endpoint. */
  mcp: string;
  /** The older HTTP+SSE transport's endpoint. */
  sse: string;
  /** Makes the server accept the key with this SHA-256 (and no other) from now on. */
  expect(keySha256: string): Promise<void>;
  stop(): Promise<void>;
}

/** Resolves with each line `child` writes on stdout, one at a time. */
function lineReader(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  let buffered = '';
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    const parts = (buffered + d.toString()).split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) (waiting.shift() ?? ((l: string) => lines.push(l)))(line);
  });
  const failures: ((error: Error) => void)[] = [];
  child.on('exit', (code) => {
    for (const fail of failures) fail(new Error(`http-key-server exited ${code}: ${stderr}`));
  });
  return () =>
    new Promise((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) return resolve(line);
      waiting.push(resolve);
      failures.push(reject);
    });
}

export async function startHttpKeyServer(style: HeaderStyle, keySha256: string): Promise<HttpKeyServer> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'test/fixtures/mcp/http-key-server.mjs')], {
    cwd: repoRoot,
    env: { ...process.env, MCP_AUTH_STYLE: style, MCP_KEY_SHA256: keySha256 },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const nextLine = lineReader(child);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const { mcp, sse } = JSON.parse(await nextLine()) as { mcp: string; sse: string };
  return {
    mcp,
    sse,
    async expect(hash) {
      child.stdin.write(`${hash}\n`);
      const ack = JSON.parse(await nextLine()) as { expected: string };
      if (ack.expected !== hash) throw new Error('http-key-server did not take the new key');
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        await exited;
      }
    },
  };
}
