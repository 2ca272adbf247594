/**
 * Main-process memory: the vault side after start (store loaded, keys:list answered) with 10,000 keys against
 * an empty vault, each in a fresh child process with --expose-gc, measured after forced GCs. Also reports
 * the first open + list in a fresh process (no JIT warm-up), which the in-process figure cannot show.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchVault } from './fixture';
import { stats, timed, value, type Figure } from './harness';

const GROUP = 'memory';
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const MB = 1024 * 1024;

interface ChildReport {
  count: number;
  startMs: number;
  modules: NodeJS.MemoryUsage;
  afterStart: NodeJS.MemoryUsage;
  afterWrite: NodeJS.MemoryUsage;
}

function child(home: string, service: string, env: NodeJS.ProcessEnv): ChildReport {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.join(here, 'memory.child.ts'), home, service],
    { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as ChildReport;
}

export async function memoryBench(bv: BenchVault): Promise<Figure[]> {
  const runs = 3;
  const empty: ChildReport[] = [];
  const full: ChildReport[] = [];
  for (let i = 0; i < runs; i++) {
    empty.push(child(bv.emptyHome, bv.service, bv.env));
    full.push(child(bv.home, bv.service, bv.env));
  }
  if (full.some((r) => r.count !== bv.keys) || empty.some((r) => r.count !== 0)) throw new Error('memory child listed the wrong number of keys');
  const median = (reports: ChildReport[], pick: (r: ChildReport) => number) => stats(reports.map(pick)).median;
  const heapStart = (median(full, (r) => r.afterStart.heapUsed) - median(empty, (r) => r.afterStart.heapUsed)) / MB;
  const rssStart = (median(full, (r) => r.afterStart.rss) - median(empty, (r) => r.afterStart.rss)) / MB;
  const heapWrite = (median(full, (r) => r.afterWrite.heapUsed) - median(empty, (r) => r.afterWrite.heapUsed)) / MB;
  const rssWrite = (median(full, (r) => r.afterWrite.rss) - median(empty, (r) => r.afterWrite.rss)) / MB;
  const target = (mb: number) => ({ text: '≤ +40 MB', pass: mb <= 40 });
  return [
    value(GROUP, `heapUsed, ${bv.keys} keys − empty, after start`, 'MB', heapStart, target(heapStart), `median of ${runs} child processes each`),
    value(GROUP, `rss, ${bv.keys} keys − empty, after start`, 'MB', rssStart, target(rssStart)),
    value(GROUP, `heapUsed, ${bv.keys} keys − empty, after start + 2 writes`, 'MB', heapWrite, target(heapWrite)),
    value(GROUP, `rss, ${bv.keys} keys − empty, after start + 2 writes`, 'MB', rssWrite, target(rssWrite)),
    timed(GROUP, 'first open + status + list in a fresh process (cold JIT)', full.map((r) => r.startMs), undefined, 'one per child process'),
  ];
}
