/**
 * What a change does to a server, as a preview shows it: the server's part of the file before and after, as JSON
 * with every value hidden (env values and headers masked as the vault shows keys, `mcp_sk_…ab12`; placeholders as
 * they are; key-like arguments, URL passwords and other key-like strings masked), line by line.
 */
import type { DiffLine } from '../../../shared/exports';
import { looksLikeKey, toDiffLines } from '../exports/preview';
import { parseJsonc, valueAt } from './jsonc-edits';
import type { ServerEntry } from './server-entries';
import { maskArgs, maskUrl, shownValue } from './slot-values';

function redact(value: unknown, key: string, within: 'env' | 'headers' | null): unknown {
  if (typeof value === 'string') {
    if (within === 'env') return shownValue('env', value);
    if (within === 'headers') return shownValue('header', value);
    if (key === 'url' || key === 'serverUrl') return maskUrl(value);
    return looksLikeKey(key, value) ? shownValue('env', value) : maskArgs([value])[0];
  }
  if (Array.isArray(value)) {
    if (key === 'args' && value.every((v) => typeof v === 'string')) return maskArgs(value as string[]);
    return value.map((v) => redact(v, key, null));
  }
  if (typeof value === 'object' && value !== null) {
    // The entries of an `env` or `headers` object are values of that kind, whatever their names (Authorization, LOG_LEVEL).
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k, within ?? (k === 'env' ? 'env' : k === 'headers' ? 'headers' : null))]));
  }
  return value;
}

/** `"name": { … }` with every value hidden, or nothing when the server is not in the text. */
function shown(text: string, entry: ServerEntry): string {
  const parsed = parseJsonc(text);
  const value = parsed.ok ? valueAt(parsed.root, entry.path) : undefined;
  if (value === undefined) return '';
  const lines = JSON.stringify({ [entry.name]: redact(value, entry.name, null) }, null, 2).split('\n').slice(1, -1);
  return `${lines.map((line) => line.slice(2)).join('\n')}\n`;
}

export function serverDiff(before: string, after: string, entry: ServerEntry): DiffLine[] {
  return toDiffLines(shown(before, entry), shown(after, entry));
}
