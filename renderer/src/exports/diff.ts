/** A preview diff shortened for reading: unchanged runs keep a few lines of context around each change. */
import type { DiffLine } from '../../../shared/exports';

export type DiffItem = { kind: 'line'; line: DiffLine; at: number } | { kind: 'gap'; count: number; at: number };

export const CONTEXT_LINES = 3;

export function collapseDiff(lines: DiffLine[], context = CONTEXT_LINES): DiffItem[] {
  const changed = lines.map((line) => line.kind !== 'same');
  const near = (i: number) => {
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) if (changed[j]) return true;
    return false;
  };
  const items: DiffItem[] = [];
  let gap = 0;
  lines.forEach((line, at) => {
    if (line.kind === 'same' && !near(at)) {
      gap++;
      return;
    }
    // A gap of one line takes as much room as its marker: show the line instead.
    if (gap === 1) items.push({ kind: 'line', line: lines[at - 1]!, at: at - 1 });
    else if (gap > 1) items.push({ kind: 'gap', count: gap, at: at - gap });
    gap = 0;
    items.push({ kind: 'line', line, at });
  });
  if (gap === 1) items.push({ kind: 'line', line: lines.at(-1)!, at: lines.length - 1 });
  else if (gap > 1) items.push({ kind: 'gap', count: gap, at: lines.length - gap });
  return items;
}
