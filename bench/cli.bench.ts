/**
 * The CLI as whole processes (node bin/mcpkv.js, the esbuild bundle) on the 10,000-key vault, against `node -e ''`
 * measured in the same run, interleaved (one of each per round), so all see the same machine load:
 * `mcpkv --version`, `mcpkv get KEY`, `mcpkv run --key KEY -- true` (issue 14's start-up targets), `mcpkv list
 * --json`, and `secret-tool lookup`, the C floor for one keychain read (libsecret-tools; skipped without it).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findExecutable } from '../electron/cli/child-process';
import { keyStatus } from '../shared/key-status';
import type { KeyRecord } from '../shared/types';
import type { BenchVault } from './fixture';
import { progress, scaled, stats, timed, type Figure } from './harness';

const GROUP = 'cli';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Wall time of one process, spawn to exit, with stdout drained (counted, never kept). Throws on a non-zero exit. */
function timeProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (bytes += d.length));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`${path.basename(command)} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, bytes });
    });
  });
}

/**
 * An active key of the bench vault whose secret is in the keychain: the fixture writes secrets for the first
 * `secrets` records, in vault.json's order.
 */
export function activeKeyWithSecret(bv: BenchVault): string {
  const data = JSON.parse(fs.readFileSync(path.join(bv.home, 'vault.json'), 'utf8')) as { keys: Record<string, KeyRecord> };
  const now = Date.now();
  const id = Object.values(data.keys)
    .slice(0, bv.secrets)
    .find((record) => keyStatus(record, now) === 'active')?.id;
  if (!id) throw new Error('the bench vault has no active key with a secret');
  return id;
}

interface Case {
  name: string;
  command: string;
  args: string[];
  /** Milliseconds allowed over node's median, as the issue states the target. */
  overNode?: number;
  note?: string;
}

/**
 * `before`: another checkout (built with its own `node scripts/build-cli.mjs`) whose --version, get and run are
 * measured in the same rounds, for a before/after of a change (`npm run bench -- --only=cli --cli-before=DIR`).
 */
export async function cliBench(bv: BenchVault, options: { before?: string } = {}): Promise<Figure[]> {
  progress('building the CLI (node scripts/build-cli.mjs)');
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
  // The CLI as a user runs it: no test-only variables beyond where the vault is.
  const env = { ...bv.env, NODE_OPTIONS: '' };
  const id = activeKeyWithSecret(bv);
  const node = process.execPath;
  const mcpkv = (...args: string[]) => [path.join(root, 'bin/mcpkv.js'), ...args];
  const secretTool = findExecutable('secret-tool', process.env.PATH);
  const cases: Case[] = [
    { name: "node -e '' (process start, baseline)", command: node, args: ['-e', ''] },
    { name: 'mcpkv --version', command: node, args: mcpkv('--version'), overNode: 20 },
    { name: `mcpkv get KEY (${bv.keys} keys)`, command: node, args: mcpkv('get', id), overNode: 60, note: 'one keychain read; logged as a reveal' },
    { name: `mcpkv run --key KEY -- true (${bv.keys} keys)`, command: node, args: mcpkv('run', '--key', id, '--', 'true'), overNode: 80, note: 'one keychain read, a use recorded, then `true` runs' },
    { name: `mcpkv list --json, whole process (${bv.keys} keys)`, command: node, args: mcpkv('list', '--json') },
    ...(secretTool
      ? [{ name: 'secret-tool lookup (C floor: one keychain read)', command: secretTool, args: ['lookup', 'service', bv.service, 'account', id] }]
      : []),
    ...(options.before
      ? [['--version'], ['get', id], ['run', '--key', id, '--', 'true']].map((args) => ({
          name: `before: mcpkv ${args[0] === 'run' ? 'run --key KEY -- true' : args[0] === 'get' ? 'get KEY' : '--version'} (${path.basename(options.before!)})`,
          command: node,
          args: [path.join(path.resolve(options.before!), 'bin/mcpkv.js'), ...args],
        }))
      : []),
  ];
  if (!secretTool) progress('secret-tool not found (apt-get install libsecret-tools): its floor is left out');

  const warmup = 2;
  const runs = scaled(15);
  const samples = cases.map(() => [] as number[]);
  let listBytes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    for (const [c, test] of cases.entries()) {
      const { ms, bytes } = await timeProcess(test.command, test.args, env);
      if (test.args.includes('list')) listBytes = bytes;
      if (i >= warmup) samples[c]!.push(ms);
    }
  }
  const nodeMedian = stats(samples[0]!).median;
  const listLimit = 1.5 * nodeMedian + 150;
  return cases.map((test, c) => {
    if (test.overNode !== undefined) {
      const limit = nodeMedian + test.overNode;
      return timed(GROUP, test.name, samples[c]!, { text: `≤ node + ${test.overNode} = ${limit.toFixed(0)} ms median`, check: (s) => s.median <= limit }, test.note);
    }
    if (test.args.includes('list')) {
      return timed(GROUP, test.name, samples[c]!, { text: `≤ 1.5 × node + 150 = ${listLimit.toFixed(0)} ms median`, check: (s) => s.median <= listLimit }, `prints ${(listBytes / 1024 / 1024).toFixed(1)} MB of JSON`);
    }
    return timed(GROUP, test.name, samples[c]!);
  });
}
