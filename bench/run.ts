/**
 * `npm run bench`: builds a vault of 10,000 keys (real store, real keychain: the throwaway Secret Service that
 * test/with-keyring.sh starts), runs every figure group, prints one table and writes bench/results.json.
 *
 *   --keys=N      keys in the vault (default 10000)
 *   --secrets=N   how many of them get their secret written to the keychain (default: all)
 *   --only=a,b    groups to run: store, keychain, search, env, cli, mcp, memory, renderer
 *   --runs=X      scale every run count by X (quick checks: --runs=0.3)
 *   --out=FILE    where to write the results (default bench/results.json)
 *   --strict      exit 1 when a target is missed
 *   --cli-before=DIR  also time --version, get and run of another checkout's built CLI, in the same rounds
 *   --priority=N  after building the vault, run the measurements at this scheduling priority (os.setPriority;
 *                 below 0 needs root): on a shared machine, keeps other work from showing up in the figures
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchVault } from './fixture';
import { formatTable, progress, setRunScale, type Figure } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, ...rest] = arg.replace(/^--/, '').split('=');
    return [key!, rest.length ? rest.join('=') : 'true'] as const;
  }),
);
const keys = Number(args.get('keys') ?? 10_000);
const secrets = Number(args.get('secrets') ?? keys);
const outFile = path.resolve(args.get('out') ?? path.join(here, 'results.json'));
setRunScale(Number(args.get('runs') ?? 1));

const GROUPS: Record<string, (bv: BenchVault) => Promise<Figure[]>> = {
  store: async (bv) => (await import('./store.bench')).storeBench(bv),
  keychain: async (bv) => (await import('./keychain.bench')).keychainBench(bv),
  search: async (bv) => (await import('./search.bench')).searchBench(bv),
  env: async () => (await import('./env.bench')).envBench(),
  cli: async (bv) => (await import('./cli.bench')).cliBench(bv, { before: args.get('cli-before') }),
  mcp: async (bv) => (await import('./mcp.bench')).mcpBench(bv),
  memory: async (bv) => (await import('./memory.bench')).memoryBench(bv),
  renderer: async (bv) => (await import('./renderer.bench')).rendererBench(bv),
};
const only = args.get('only')?.split(',') ?? Object.keys(GROUPS);
for (const name of only) if (!GROUPS[name]) throw new Error(`unknown group ${name}; groups: ${Object.keys(GROUPS).join(', ')}`);

// Other work on the machine shows up in every figure: say so.
const loadAtStart = os.loadavg();
if (loadAtStart[0]! > os.cpus().length) {
  progress(`note: load average ${loadAtStart[0]!.toFixed(1)} on ${os.cpus().length} CPUs: figures will be noisy`);
}

const { buildVault } = await import('./fixture');
progress(`building a vault of ${keys} keys (${secrets} secrets through the keychain)…`);
const bv = await buildVault({ keys, secrets });
progress(
  `  records: one store update, ${bv.buildRecordsMs.toFixed(0)} ms, vault.json ${(bv.fileBytes / 1024 / 1024).toFixed(2)} MB; ` +
    `secrets: ${(bv.buildSecretsMs / 1000).toFixed(1)} s (${(bv.buildSecretsMs / Math.max(1, bv.secrets)).toFixed(1)} ms each, collection ${bv.keychainCollection})`,
);

const priority = args.has('priority') ? Number(args.get('priority')) : undefined;
if (priority !== undefined) {
  try {
    // This thread, and every process the groups start from it (CLI, Chromium, bridge, memory children).
    os.setPriority(priority);
    progress(`measuring at priority ${priority}`);
  } catch (error) {
    progress(`could not set priority ${priority}: ${(error as Error).message}`);
  }
}

const figures: Figure[] = [];
const failures: string[] = [];
try {
  for (const name of only) {
    progress(`${name}…`);
    const start = performance.now();
    try {
      figures.push(...(await GROUPS[name]!(bv)));
    } catch (error) {
      failures.push(`${name}: ${(error as Error).stack ?? String(error)}`);
      progress(`${name} FAILED: ${(error as Error).message}`);
    }
    progress(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
} finally {
  await bv.cleanup();
}

const cpus = os.cpus();
const results = {
  date: new Date().toISOString(),
  command: 'npm run bench',
  node: process.version,
  cpu: cpus[0]?.model ?? 'unknown',
  cpus: cpus.length,
  memoryGB: Math.round(os.totalmem() / 1024 ** 3),
  platform: `${process.platform} ${os.release()} ${process.arch}`,
  priority: priority ?? null,
  loadAverage: { start: loadAtStart.map((l) => Number(l.toFixed(2))), end: os.loadavg().map((l) => Number(l.toFixed(2))) },
  keys: bv.keys,
  secrets: bv.secrets,
  keychainCollection: bv.keychainCollection,
  vaultFileBytes: bv.fileBytes,
  buildMs: { records: Math.round(bv.buildRecordsMs), secrets: Math.round(bv.buildSecretsMs) },
  figures,
  failures,
};
fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

const targets = figures.filter((f) => f.target);
const missed = targets.filter((f) => !f.target!.pass);
console.log(
  `\nMCP Key Vault benchmark — ${bv.keys} keys — Node ${process.version} — ${results.cpu} × ${results.cpus} — ` +
    `load average ${results.loadAverage.start[0]} → ${results.loadAverage.end[0]}\n`,
);
console.log(formatTable(figures, args.has('markdown') ? 'markdown' : 'text'));
console.log(`\n${targets.length - missed.length}/${targets.length} targets met${missed.length ? `; missed: ${missed.map((f) => f.name).join('; ')}` : ''}`);
console.log(`results: ${path.relative(process.cwd(), outFile)}`);
if (failures.length) {
  console.error(`\n${failures.length} group(s) failed:\n${failures.join('\n\n')}`);
  process.exitCode = 1;
} else if (missed.length && args.has('strict')) {
  process.exitCode = 1;
}
