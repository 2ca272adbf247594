/**
 * Pure helpers of the Use screen's preview and scan: which variables could hold an API key, a file's text
 * with every value hidden, and the line diff between two texts.
 */
import { diffLines } from 'diff';
import { envAssignments } from '../../../shared/env-file';
import type { DiffLine } from '../../../shared/exports';
import { detectPrefix } from '../../../shared/key-format';

/** Names that usually hold an API key, and the prefixes keys are known by. */
const KEY_VARIABLE = /(API_?KEY|_KEY|TOKEN|SECRET)$/i;

/** Could this variable hold an API key? By its name or by a known key prefix on its value. */
export function looksLikeKey(variable: string, value: string): boolean {
  return KEY_VARIABLE.test(variable) || detectPrefix(value) !== '';
}

/** What the preview shows for a value it does not write: no character of it, not even its length. */
export const HIDDEN_VALUE = '••••';

/**
 * The text as the preview shows it, with no value of the file in it: one line per assignment, `NAME=<shown>`
 * (`export ` kept), where `shown` gives how the vault shows a value it writes (`mcp_sk_…ab12`, `true`) and every
 * other value is `••••` (an empty one stays empty). Comment lines become `# …` (a comment can hold an old key),
 * other lines that are no assignment `…`; blank lines stay, so the file's shape is still recognisable.
 */
export function redactEnv(text: string, shown: (name: string, value: string) => string | undefined): string {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines: string[] = [];
  const others = (chunk: string) => {
    if (chunk === '') return;
    const parts = chunk.split('\n');
    if (chunk.endsWith('\n')) parts.pop();
    for (const line of parts) lines.push(line.trim() === '' ? '' : /^\s*#/.test(line) ? '# …' : '…');
  };
  let at = 0;
  for (const { name, value, start, end } of envAssignments(body)) {
    // Each assignment starts its own line and runs to the end of its last line (a trailing comment goes with it).
    others(body.slice(at, Math.max(at, body.lastIndexOf('\n', start - 1) + 1)));
    const exported = /^export\s/.test(body.slice(start));
    lines.push(`${exported ? 'export ' : ''}${name}=${shown(name, value) ?? (value === '' ? '' : HIDDEN_VALUE)}`);
    const lineEnd = body.indexOf('\n', end);
    at = lineEnd === -1 ? body.length : lineEnd + 1;
  }
  others(body.slice(at));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function toDiffLines(before: string, after: string): DiffLine[] {
  return diffLines(before, after).flatMap((part) => {
    const kind: DiffLine['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = part.value.replace(/\r\n/g, '\n').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.map((text) => ({ kind, text }));
  });
}
