/**
 * The benchmark harness: warm-up, N timed runs, median and p95, targets judged PASS/MISS, one table.
 * Every figure group (bench/*.bench.ts) returns `Figure`s; bench/run.ts prints and saves them.
 */

import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection, for figures that should start from a settled heap as a fresh process would
 * (e.g. opening the vault, which the app does once): without it, a run also pays for collecting what the
 * runs before it left behind. Works without --expose-gc.
 */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

export type Unit = 'ms' | 'MB' | 'calls' | 'x' | 'KB';

export interface Target {
  /** What the issue asks, as printed in the table (e.g. "≤ 30 ms median"). */
  text: string;
  pass: boolean;
}

export interface Figure {
  group: string;
  name: string;
  unit: Unit;
  median: number;
  p95: number;
  /** Timed runs (after warm-up); 1 for a single value such as a count or a size. */
  runs: number;
  target?: Target;
  /** How it was measured or what it means, when the name alone does not say. */
  note?: string;
}

export interface MeasureOptions {
  warmup?: number;
  runs?: number;
  /** Runs before each timed call, not timed (e.g. resetting a file). */
  before?: () => unknown | Promise<unknown>;
}

/** A global multiplier for run counts, for quick checks while developing (`--runs=0.2`). */
let runScale = 1;
export function setRunScale(scale: number): void {
  runScale = scale > 0 ? scale : 1;
}
export function scaled(runs: number): number {
  return Math.max(3, Math.round(runs * runScale));
}

/** Times `fn` (wall clock, performance.now) `runs` times after `warmup` untimed calls. Milliseconds. */
export async function measure(fn: () => unknown | Promise<unknown>, options: MeasureOptions = {}): Promise<number[]> {
  const warmup = options.warmup ?? 3;
  const runs = scaled(options.runs ?? 20);
  for (let i = 0; i < warmup; i++) {
    await options.before?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await options.before?.();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Same as `measure` for a synchronous function: no await between the clock reads. */
export function measureSync(fn: () => unknown, options: Omit<MeasureOptions, 'before'> & { before?: () => unknown } = {}): number[] {
  const warmup = options.warmup ?? 3;
  const runs = scaled(options.runs ?? 20);
  for (let i = 0; i < warmup; i++) {
    options.before?.();
    fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    options.before?.();
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

/** Median (mean of the two middle values for an even count) and p95 (nearest rank). */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
  return { median, p95, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** A figure from timing samples. `target` gets the stats and says whether they meet it. */
export function timed(
  group: string,
  name: string,
  samples: readonly number[],
  target?: { text: string; check: (s: Stats) => boolean },
  note?: string,
): Figure {
  const s = stats(samples);
  return {
    group,
    name,
    unit: 'ms',
    median: s.median,
    p95: s.p95,
    runs: s.runs,
    ...(target && { target: { text: target.text, pass: target.check(s) } }),
    ...(note !== undefined && { note }),
  };
}

/** A figure that is one value (a count, a size, a ratio). */
export function value(group: string, name: string, unit: Unit, v: number, target?: { text: string; pass: boolean }, note?: string): Figure {
  return { group, name, unit, median: v, p95: v, runs: 1, ...(target && { target }), ...(note !== undefined && { note }) };
}

function formatNumber(n: number, unit: Unit): string {
  if (unit === 'calls') return String(Math.round(n));
  if (unit === 'x') return n.toFixed(2);
  const abs = Math.abs(n);
  return abs >= 100 ? n.toFixed(0) : abs >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** The table, as plain text (terminal) or Markdown (BENCHMARKS.md). */
export function formatTable(figures: readonly Figure[], style: 'text' | 'markdown' = 'text'): string {
  const header = ['group', 'figure', 'median', 'p95', 'runs', 'target', 'result'];
  const rows = figures.map((f) => [
    f.group,
    f.name,
    `${formatNumber(f.median, f.unit)} ${f.unit}`,
    f.runs > 1 ? `${formatNumber(f.p95, f.unit)} ${f.unit}` : '',
    String(f.runs),
    f.target?.text ?? '',
    f.target ? (f.target.pass ? 'PASS' : 'MISS') : '',
  ]);
  if (style === 'markdown') {
    const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Progress on stderr, so stdout stays the table. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
