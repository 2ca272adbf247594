/**
 * Editing `.env` text without disturbing it: only the assignments being written change, every other byte
 * (comments, order, quoting, `export`, CRLF, BOM, missing final newline) stays as it was.
 *
 * Pure: no Node imports, this module is also bundled for the renderer.
 *
 * The reference semantics are those of `dotenv.parse` (default parser, checked against dotenv 18.0.10). Rather than a look-alike
 * tokenizer, we run dotenv's own LINE regex on the same normalized text, so the spans we edit are exactly the spans
 * dotenv reads. dotenv's grammar has sharp corners (a quote left open on one line can swallow later lines, an empty
 * `A=` takes a quoted value from the next line, `A:` at a line end takes the whole next line), so every edit is
 * also checked by parsing the result: if anything other than the written variables would read differently, the
 * edit is refused instead of silently corrupting the file.
 *
 * A `.env` file is also read by POSIX shells (`set -a; . ./.env`), so every value we write must read literally
 * there too: a value is written bare only when it holds nothing a shell interprets, else in single quotes, else
 * (it holds a `'`) in double quotes when it holds none of `$`, a backtick, `\` or `"`; otherwise it is refused.
 * A value such as `$(touch x)` can then never run when the file is sourced.
 */
import { VaultError } from './errors';

export interface EnvAssignment {
  name: string;
  value: string;
}

export interface EnvEdit {
  text: string;
  /** Names for which some line was written (value changed, added) or removed, in input order. */
  changed: string[];
}

/** dotenv's LINE regex, verbatim (dotenv/dist/index.cjs; lib/main.js in older releases). */
const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;
/** The same, matching only at `lastIndex` and with group offsets (`d` is slow: used only on the lines we edit). */
const LINE_AT = new RegExp(LINE.source, 'dmy');

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const BOM = '\uFEFF';
const QUOTES = ["'", '"', '`'] as const;

/** One assignment as dotenv reads it. Offsets are in the BOM-less text, with its own line endings. */
interface Entry {
  name: string;
  /** The value dotenv gives for this assignment. */
  value: string;
  /** Start of `export` or of the key. */
  start: number;
  /** End of the value text (or of the `=` when there is no value). */
  end: number;
  /** The part replaced when rewriting: the value without the blanks around it, so spacing and comments stay. */
  valueStart: number;
  valueEnd: number;
  /** The quote the value was written with, if any: a rewrite keeps it when it reads back exactly. */
  quote: string | undefined;
}

/** A name we accept is one dotenv reads as a key (`[\w.-]+`); `__proto__` is dropped by dotenv's plain-object result. */
export function isValidEnvName(name: string): boolean {
  return typeof name === 'string' && NAME.test(name) && name !== '__proto__';
}

export function detectEol(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function formatEnvValue(value: string): string {
  return valueCandidates(value)[0]!;
}

export function readEnvVar(text: string, name: string): string | undefined {
  checkName(name);
  return parse(text).get(name);
}

/** One assignment of a file as dotenv reads it, and where it is (offsets in the text without its BOM). */
export interface EnvAssignmentSpan {
  name: string;
  value: string;
  /** Start of `export` or of the name. */
  start: number;
  /** End of the value text (a trailing comment is not part of it). */
  end: number;
}

/** Every assignment dotenv reads in `text`, in file order (for views that must not show values, e.g. the export preview). */
export function envAssignments(text: string): EnvAssignmentSpan[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  return scan(body, new Set(parse(body).keys())).entries.map(({ name, value, start, end }) => ({ name, value, start, end }));
}

export function upsertEnv(text: string, assignments: EnvAssignment[]): EnvEdit {
  // Validate everything first: a bad entry must not leave a half-applied edit behind.
  // A name given twice takes its last value, as in the file itself; it is reported at its first place.
  const wanted = new Map<string, { value: string; formats: string[] }>();
  for (const { name, value } of assignments) {
    checkName(name);
    wanted.set(name, { value, formats: valueCandidates(value) });
  }

  const bom = text.startsWith(BOM) ? BOM : '';
  let body = text.slice(bom.length);
  const eol = detectEol(body);
  const fast = upsertAllAtOnce(body, wanted, eol);
  if (fast) return { text: bom + fast.text, changed: fast.changed };
  const changed: string[] = [];

  for (const [name, { value, formats }] of wanted) {
    const { values: before, entries } = scan(body, name);
    const stale = entries.filter((e) => e.value !== value);
    if (entries.length > 0 && stale.length === 0) continue; // already right: leave its lines untouched

    let next: string | undefined;
    for (const formatted of formats) {
      const candidate =
        entries.length > 0 ? rewrite(body, stale, (e) => spellingFor(e, value, formats, formatted)) : append(body, `${name}=${formatted}`, eol);
      if (readsAsExpected(before, parse(candidate), name, value)) {
        next = candidate;
        break;
      }
    }
    if (next === undefined) {
      throw new VaultError(
        'VALIDATION',
        `Cannot write ${name} into this .env file safely: the lines around it would be read differently. Fix the file's quoting by hand first.`,
      );
    }
    body = next;
    changed.push(name);
  }
  return { text: bom + body, changed };
}

/**
 * The usual case in one pass: scan once, write every assignment in its first spelling, check the whole
 * result once. Undefined when that check fails, for the careful one-by-one path (which tries other spellings).
 */
function upsertAllAtOnce(body: string, wanted: Map<string, { value: string; formats: string[] }>, eol: string): EnvEdit | undefined {
  const { values: before, entries } = scan(body, new Set(wanted.keys()));
  const stale = entries.filter((e) => e.value !== wanted.get(e.name)!.value);
  const present = new Set(entries.map((e) => e.name));
  let next = rewrite(body, stale, (e) => {
    const { value, formats } = wanted.get(e.name)!;
    return spellingFor(e, value, formats, formats[0]!);
  });
  const changed: string[] = [];
  for (const [name, { formats }] of wanted) {
    if (!present.has(name)) next = append(next, `${name}=${formats[0]!}`, eol);
    if (!present.has(name) || stale.some((e) => e.name === name)) changed.push(name);
  }
  if (changed.length === 0) return { text: body, changed };
  const after = parse(next);
  for (const [name, { value }] of wanted) if (after.get(name) !== value) return undefined;
  for (const [key, v] of before) if (!wanted.has(key) && after.get(key) !== v) return undefined;
  for (const key of after.keys()) if (!wanted.has(key) && !before.has(key)) return undefined;
  return { text: next, changed };
}

export function removeEnvVars(text: string, names: string[]): EnvEdit {
  names.forEach(checkName);
  const bom = text.startsWith(BOM) ? BOM : '';
  let body = text.slice(bom.length);
  const changed: string[] = [];

  for (const name of new Set(names)) {
    const { values: before, entries } = scan(body, name);
    if (entries.length === 0) continue;
    const next = removeLines(body, entries);
    if (!readsAsExpected(before, parse(next), name, undefined)) {
      throw new VaultError(
        'VALIDATION',
        `Cannot remove ${name} from this .env file safely: the lines around it would be read differently. Edit the file by hand.`,
      );
    }
    body = next;
    changed.push(name);
  }
  return { text: bom + body, changed };
}

// ---------------------------------------------------------------------------------------------------------------

function checkName(name: string): void {
  // The name is not echoed: a malformed "name" is often a pasted secret.
  if (!isValidEnvName(name)) {
    throw new VaultError(
      'VALIDATION',
      'Invalid variable name: use letters, digits, "_", "." or "-", starting with a letter or "_".',
    );
  }
}

/** Characters a POSIX shell reads literally in a bare word after `NAME=` (no `~`: tilde expansion happens there). */
const SHELL_BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Does a POSIX shell read `value`, written bare or in `quote`, as exactly `value`, running nothing? Bare text of
 * plain characters, single quotes around a value without `'`, or double quotes around one without `$`, a
 * backtick, `\` or `"` (the only characters special there). Backtick quoting is command substitution: never.
 */
function shellReadsLiterally(value: string, quote: (typeof QUOTES)[number] | ''): boolean {
  if (quote === '') return SHELL_BARE.test(value);
  if (quote === "'") return !value.includes("'");
  if (quote === '"') return !/[$`\\"]/.test(value);
  return false;
}

/** Can `value` be written into a `.env` file so that dotenv and a POSIX shell both read it exactly? */
export function isWritableEnvValue(value: string): boolean {
  try {
    valueCandidates(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ways of writing `value` after `=` that dotenv reads back exactly, whatever lines surround them, and that a POSIX
 * shell reads literally; best first. Throws when there is none. Several are offered because one can still clash
 * with a badly quoted line elsewhere.
 */
function valueCandidates(value: string): string[] {
  if (typeof value !== 'string') throw new VaultError('VALIDATION', 'A value must be text.');
  // dotenv turns CR/CRLF into LF before parsing, so no raw line break survives; NUL marks a binary file.
  if (/[\r\n\0]/.test(value)) {
    throw new VaultError('VALIDATION', 'A .env value cannot contain line breaks or NUL characters.');
  }
  // A lone UTF-16 surrogate cannot be stored in a UTF-8 file.
  if (/\p{Surrogate}/u.test(value)) {
    throw new VaultError('VALIDATION', 'A .env value must be valid Unicode text.');
  }
  const spellings = (['', ...QUOTES] as const)
    .filter((q) => shellReadsLiterally(value, q))
    .map((q) => q + value + q)
    .map((text) => ({ text, read: readAlone(text) }))
    .filter(({ read }) => read?.value === value);
  // Bare first, then ordinary quoting, then quotes that only work through dotenv's bare-text fallback.
  const rank = (s: (typeof spellings)[number]) => (s.text === value ? 0 : s.read!.quoted ? 1 : 2);
  const out = spellings.sort((a, b) => rank(a) - rank(b)).map((s) => s.text);
  if (out.length === 0) {
    throw new VaultError(
      'VALIDATION',
      'This value cannot be written to a .env file so that dotenv and a shell both read it as it is: it ends with \\, or holds a \' together with $, `, \\ or ".',
    );
  }
  return out;
}

/**
 * What dotenv reads from the line `A=<text>` (the line may go on with blanks and a `# comment`), and whether it read
 * it as a quoted value; undefined when that depends on the lines around it or cuts the text short.
 */
function readAlone(text: string): { value: string; quoted: boolean } | undefined {
  // `A=` or `A= ` followed by a line that starts with a quote takes that line as its value.
  if (text === '' || /^\s/.test(text)) return undefined;
  const q = text[0]!;
  if (q === "'" || q === '"' || q === '`') {
    // The quoted match may end at each `q` up to the first one not escaped by a backslash; past that it cannot go.
    const closes: number[] = [];
    for (let i = 1; i < text.length; i++) {
      if (text[i] !== q) continue;
      closes.push(i);
      if (text[i - 1] !== '\\') break;
    }
    const last = closes.at(-1);
    // No unescaped closing quote on this line: dotenv would look for one in the next lines.
    if (last === undefined || text[last - 1] === '\\') return undefined;
    if (last === text.length - 1) return { value: unquote(text), quoted: true };
    // A close followed by only blanks, a `#`, or U+2028/U+2029 (a line end to the regex) would end the value early.
    if (closes.some((i) => /^\s*(?:[#\u2028\u2029]|$)/.test(text.slice(i + 1)))) return undefined;
    // Otherwise the quoted match fails on this line and dotenv falls back to bare text.
  }
  // Bare text: read up to `#`, trimmed, outer quotes stripped (by a multiline regex: U+2028/U+2029 count as line
  // breaks there), escapes expanded after a `"`. unquote() is that very step.
  return text.includes('#') ? undefined : { value: unquote(text), quoted: false };
}

/**
 * Reads `body` (no BOM) as dotenv does: every variable's value (last assignment wins; a Map, as a plain object
 * would mishandle `__proto__`), and where each assignment of `target` is, in file order.
 */
function scan(body: string, target?: string | ReadonlySet<string>): { values: Map<string, string>; entries: Entry[] } {
  const isTarget = (key: string) => (typeof target === 'string' ? key === target : target?.has(key) === true);
  // dotenv parses with CR and CRLF turned into LF. Match on that text and map offsets back to `body`.
  const norm = body.replace(/\r\n?/g, '\n');
  const collapsed: number[] = []; // offsets in `norm` of the LFs that were CRLF in `body`
  if (norm.length !== body.length) {
    for (let i = 0, k = 0; i < body.length; i++, k++) {
      if (body.charCodeAt(i) === 13 && body.charCodeAt(i + 1) === 10) {
        collapsed.push(k);
        i++;
      }
    }
  }
  const toBody = (p: number): number => {
    let lo = 0;
    let hi = collapsed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (collapsed[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    return p + lo;
  };

  const values = new Map<string, string>();
  const entries: Entry[] = [];
  for (const m of norm.matchAll(LINE)) {
    const key = m[1]!;
    const raw = m[2];
    values.set(key, unquote(raw));
    if (!isTarget(key)) continue;

    LINE_AT.lastIndex = m.index;
    const { indices } = LINE_AT.exec(norm)!;
    const [keyStart, keyEnd] = indices![1]!;
    const exported = /export\s+$/.exec(norm.slice(m.index, keyStart));
    let valueStart: number;
    let valueEnd: number;
    let end: number;
    if (raw === undefined) {
      // No value: write right after the operator (`=`, or `:` plus the one blank dotenv requires).
      const op = /\s*=|:\s/y;
      op.lastIndex = keyEnd;
      op.exec(norm);
      valueStart = valueEnd = end = op.lastIndex;
    } else {
      const [s, e] = indices![2]!;
      const lead = /^[ \t]*/.exec(raw)![0].length;
      const trail = /[ \t]*$/.exec(raw)![0].length;
      // Keep the blanks around the value (`A = x  # note`); an all-blank value is written before its blanks.
      valueStart = lead === raw.length ? s : s + lead;
      valueEnd = lead === raw.length ? s : e - trail;
      end = e;
    }
    const opening = raw?.trimStart()[0];
    entries.push({
      name: key,
      quote: opening && (QUOTES as readonly string[]).includes(opening) ? opening : undefined,
      value: values.get(key)!,
      start: toBody(exported ? keyStart - exported[0].length : keyStart),
      end: toBody(end),
      valueStart: toBody(valueStart),
      valueEnd: toBody(valueEnd),
    });
  }
  return { values, entries };
}

/** dotenv's value post-processing, step by step. */
function unquote(raw: string | undefined): string {
  let value = (raw ?? '').trim();
  const first = value[0];
  // A bare value without U+2028/U+2029 (line breaks to dotenv's multiline regex) is only trimmed: skip the
  // regexes, which run for every line of the file.
  if (first !== "'" && first !== '"' && first !== '`' && !/[\u2028\u2029]/.test(value)) return value;
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (first === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

/** What dotenv.parse returns, as a Map. */
function parse(text: string): Map<string, string> {
  return scan(text).values;
}

/** True when `after` is `before` with only `name` changed to `value` (or removed, when `value` is undefined). */
function readsAsExpected(
  before: Map<string, string>,
  after: Map<string, string>,
  name: string,
  value: string | undefined,
): boolean {
  if (after.get(name) !== value) return false;
  for (const [key, v] of before) if (key !== name && after.get(key) !== v) return false;
  for (const key of after.keys()) if (key !== name && !before.has(key)) return false;
  return true;
}

/** The spelling for an entry: its own quote style when that reads back exactly, else `preferred`. */
function spellingFor(entry: Entry, value: string, formats: string[], preferred: string): string {
  if (entry.quote === undefined) return preferred;
  const same = entry.quote + value + entry.quote;
  return formats.includes(same) ? same : preferred;
}

/** Writes each entry's new spelling in place (`spell` picks it per entry). */
function rewrite(body: string, entries: Entry[], spell: (entry: Entry) => string): string {
  let out = body;
  // Back to front, so earlier offsets stay valid.
  for (const e of [...entries].sort((a, b) => b.valueStart - a.valueStart)) {
    const glue = e.valueStart === e.valueEnd && out[e.valueEnd] === '#' ? ' ' : ''; // `A=# note` → `A=x # note`
    out = out.slice(0, e.valueStart) + spell(e) + glue + out.slice(e.valueEnd);
  }
  return out;
}

function append(body: string, line: string, eol: string): string {
  if (body === '') return line + eol;
  // A file without a final newline keeps having none.
  return /[\r\n]$/.test(body) ? body + line + eol : body + eol + line;
}

/** Removes the whole lines an assignment spans (its trailing comment goes with it), nothing else. */
function removeLines(body: string, entries: Entry[]): string {
  const spans = entries
    .map((e) => [lineStart(body, e.start), nextLineStart(body, Math.max(e.start, e.end - 1))] as const)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of spans) {
    if (from > at) out += body.slice(at, from);
    at = Math.max(at, to);
  }
  out += body.slice(at);
  // A file without a final newline keeps having none.
  return /[\r\n]$/.test(body) ? out : out.replace(/(?:\r\n|\r|\n)$/, '');
}

function lineStart(body: string, offset: number): number {
  let i = offset;
  while (i > 0 && body[i - 1] !== '\n' && body[i - 1] !== '\r') i--;
  return i;
}

/** Start of the line after the one holding `offset` (the end of the text for the last line). */
function nextLineStart(body: string, offset: number): number {
  const eol = /\r\n?|\n/g;
  eol.lastIndex = offset;
  const m = eol.exec(body);
  return m ? m.index + m[0].length : body.length;
}
