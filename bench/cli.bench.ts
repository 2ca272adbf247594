/**
 * `mcpkv list --json` as a whole process (node bin/mcpkv.js, the esbuild bundle) on the 10,000-key vault,
 * against `node -e ''` measured in the same run, interleaved, so both see the same machine load.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchVault } from './fixture';
import { progress, scaled, stats, timed, type Figure } from './harness';

const GROUP = 'cli';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Wall time of one process, spawn to exit, with stdout drained. Throws on a non-zero exit. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, bytes });
    });
  });
}

export async function cliBench(bv: BenchVault): Promise<Figure[]> {
  progress('building the CLI (node scripts/build-cli.mjs)');
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  // The CLI as a user runs it: no test-only variables beyond where the vault is.
  const env = { ...bv.env, NODE_OPTIONS: '' };
  const cli = ['bin/mcpkv.js', 'list', '--json'];
  const bare = ['-e', ''];

  const warmup = 2;
  const runs = scaled(15);
  const cliSamples: number[] = [];
  const nodeSamples: number[] = [];
  let outBytes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const n = await timeProcess(bare, env);
    const c = await timeProcess(cli, env);
    outBytes = c.bytes;
    if (i >= warmup) {
      nodeSamples.push(n.ms);
      cliSamples.push(c.ms);
    }
  }
  const node = stats(nodeSamples);
  const limit = 1.5 * node.median + 150;
  return [
    timed(GROUP, "node -e '' (process start, baseline)", nodeSamples),
    timed(
      GROUP,
      `mcpkv list --json, whole process (${bv.keys} keys)`,
      cliSamples,
      { text: `≤ 1.5 × node + 150 = ${limit.toFixed(0)} ms median`, check: (s) => s.median <= limit },
      `prints ${(outBytes / 1024 / 1024).toFixed(1)} MB of JSON`,
    ),
  ];
}
