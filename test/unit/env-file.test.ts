import { parse } from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectEol,
  formatEnvValue,
  isValidEnvName,
  readEnvVar,
  removeEnvVars,
  upsertEnv,
  type EnvAssignment,
} from '../../shared/env-file';
import { VaultError } from '../../shared/errors';

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** FC_SCALE=20 npx vitest run … for a longer hunt. */
const runs = (n: number) => Math.round(n * Number(process.env.FC_SCALE ?? 1));

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectValidation(fn: () => unknown, secret?: string): VaultError {
  const error = caught(fn);
  expect(error).toBeInstanceOf(VaultError);
  expect((error as VaultError).code).toBe('VALIDATION');
  if (secret) expect((error as VaultError).message.includes(secret), 'holds the secret').toBe(false);
  return error as VaultError;
}

const BASE62 = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const realisticKey = fc
  .string({ unit: fc.constantFrom(...BASE62), minLength: 40, maxLength: 40 })
  .map((s) => `mcp_sk_${s}`);

/** Characters that trip up .env quoting, mixed with ordinary ones. */
const NASTY = ["'", '"', '`', '#', ' ', '\t', '\\', 'n', 'r', '$', '=', ':', 'a', 'Z', '0', 'é', '😀', '\u2028', '\u00a0', '\uFEFF', '{', '}'];
const nastyValue = fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 12 });
const printable = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !/[\r\n\0]/.test(s));
const anyValue = fc.oneof(printable, nastyValue, realisticKey);

/**
 * Independent oracle for "this value cannot be written": none of the spellings a POSIX shell reads literally (bare
 * plain characters; single quotes around a value without `'`; double quotes around one without $ ` \\ ") reads back
 * exactly in dotenv in a few contexts (alone, and followed by lines holding each quote character).
 */
function someSpellingWorks(value: string): boolean {
  const spellings = [
    ...(/^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? [value] : []),
    ...(value.includes("'") ? [] : [`'${value}'`]),
    ...(/[$`\\"]/.test(value) ? [] : [`"${value}"`]),
  ];
  // A following line with an unpaired quote is where a value ending in a backslash runs on.
  const contexts: [string, string | undefined][] = [['', undefined]];
  for (const q of ["'", '"', '`']) contexts.push([`\nB=${q}1${q}`, '1'], [`\nB=1${q}`, `1${q}`]);
  return spellings.some((s) =>
    contexts.every(([ctx, b]) => {
      const out = parse(`A=${s}${ctx}`);
      return out.A === value && out.B === b;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Names, EOL, values

describe('isValidEnvName', () => {
  it.each(['A', 'a', '_', 'API_KEY', 'x.y', 'a-b', 'a.b-c_D9', 'export', 'constructor'])('accepts %j', (name) => {
    expect(isValidEnvName(name)).toBe(true);
  });

  it.each(['', '1A', '-a', '.a', 'A B', 'A=B', 'Ä', 'a:b', 'a#b', ' A', 'A ', '__proto__', 'A\n', "A'"])(
    'rejects %j',
    (name) => {
      expect(isValidEnvName(name)).toBe(false);
    },
  );

  it('every accepted name is read back by dotenv as that key', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aZ_09.-:=# é'), minLength: 1, maxLength: 8 }), (name) => {
        if (!isValidEnvName(name)) return;
        expect(Object.prototype.hasOwnProperty.call(parse(`${name}=v`), name)).toBe(true);
        expect(parse(`export ${name} = v`)[name]).toBe('v');
      }),
    );
  });
});

describe('detectEol', () => {
  it.each([
    ['', '\n'],
    ['A=1', '\n'],
    ['A=1\n', '\n'],
    ['A=1\r\nB=2\r\n', '\r\n'],
    ['\r\n', '\r\n'],
    ['A=1\r\nB=2\n', '\r\n'], // the first line ending decides
    ['A=1\nB=2\r\n', '\n'],
  ])('%j → %j', (text, eol) => {
    expect(detectEol(text)).toBe(eol);
  });
});

describe('formatEnvValue', () => {
  it.each([
    ['abc', 'abc'],
    ['mcp_sk_0123456789abcdefghijABCDEFGHIJ0123456789', 'mcp_sk_0123456789abcdefghijABCDEFGHIJ0123456789'],
    ['a=b:c,d@e%f+g/h.i-j', 'a=b:c,d@e%f+g/h.i-j'], // nothing a shell interprets: bare
    ['a b c', "'a b c'"],
    ["it's", `"it's"`], // a single quote: double quotes, as nothing in it is special there
    ['a\\nb', "'a\\nb'"], // single quotes: neither dotenv nor a shell unescapes
    ['héllo 😀', "'héllo 😀'"],
    ['', "''"], // `A=` would take a quoted value from the next line
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['a#b', "'a#b'"],
    ['#', "'#'"],
    ["'q", `"'q"`],
    ['"q', `'"q'`],
    ['`q', "'`q'"],
    ["#it's", `"#it's"`],
    ['a\u2028b', "'a\u2028b'"],
    ["a\u2028'b'", `"a\u2028'b'"`], // after U+2028 the unquote regex would see a quoted line start
    ['\uFEFFx', "'\uFEFFx'"],
    // What a shell would run or expand, bare: single quotes keep it text.
    ['$(touch${IFS}/tmp/m)', "'$(touch${IFS}/tmp/m)'"],
    ['`id`', "'`id`'"],
    ['$HOME', "'$HOME'"],
    ['a\\b', "'a\\b'"],
    ['a;b|c&d<e>f(g)', "'a;b|c&d<e>f(g)'"],
    ['~/x', "'~/x'"],
    ['*?[a]{b,c}!', "'*?[a]{b,c}!'"],
    ['"$x"', `'"$x"'`],
  ])('%j → %j', (value, written) => {
    expect(formatEnvValue(value)).toBe(written);
    expect(parse(`A=${written}`).A).toBe(value);
  });

  it.each([
    ['newline', 'sk_live_secret\nmore'],
    ['CR', 'sk_live_secret\rmore'],
    ['NUL', 'sk_live_secret\0more'],
    ['a single quote and a dollar', "sk_live_secret'$(id)"],
    ['a single quote and a backtick', "sk_live_secret'`id`"],
    ['a single quote and a backslash', "sk_live_secret'\\x"],
    ['a single quote and a double quote', `sk_live_secret'"`],
    ['a final backslash', 'sk_live_secret\\'],
    ['all three quotes and a hash', `sk_live_secret'"\`#`],
    ['lone surrogate', 'sk_live_secret\ud800'],
  ])('refuses a value with %s, without echoing it', (_label, value) => {
    expectValidation(() => formatEnvValue(value), 'sk_live_secret');
  });

  it('round-trips through dotenv for any value it accepts, and refuses only what cannot be written', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        let written: string;
        try {
          written = formatEnvValue(value);
        } catch (error) {
          expect((error as VaultError).code).toBe('VALIDATION');
          expect(someSpellingWorks(value)).toBe(false);
          return;
        }
        expect(written).not.toMatch(/[\r\n]/);
        expect(parse(`A=${written}`).A).toBe(value);
        expect(parse(`export A = ${written}  # note`).A).toBe(value);
        // Must not swallow or be swallowed by its neighbours.
        const around = `X='1'\nA=${written}  # c\nB="2"\nC=\`3\`\n`;
        expect(parse(around)).toEqual({ X: '1', A: value, B: '2', C: '3' });
        // dotenv 18's opt-in fast parser agrees on what we write.
        expect(parse(around, { fast: true })).toEqual({ X: '1', A: value, B: '2', C: '3' });
      }),
      { numRuns: runs(2000) },
    );
  });
});

describe('readEnvVar', () => {
  it.each([
    ['A=1\nA=2\n', 'A', '2'],
    ['export A = "x y" # c', 'A', 'x y'],
    ['A="l1\\nl2"', 'A', 'l1\nl2'],
    ["A='l1\\nl2'", 'A', 'l1\\nl2'],
    ['A="l1\r\nl2"\r\n', 'A', 'l1\nl2'],
    ['\uFEFFA=1', 'A', '1'],
    ['# A=1', 'A', undefined],
    ['A: b', 'A', 'b'],
    ['A=', 'A', ''],
    ['B=1', 'A', undefined],
  ])('%j: %s → %j', (text, name, value) => {
    expect(readEnvVar(text, name)).toBe(value);
  });

  it('rejects invalid names', () => {
    expectValidation(() => readEnvVar('A=1', '1A'));
  });

  it('agrees with dotenv.parse on random env-like text', () => {
    const token = fc.constantFrom(
      'A', 'B', 'x.y', 'C-D', '_', 'export ', 'export', '=', ' = ', ':', ': ', ' ', '\t', '\n', '\r\n', '\r', "'", '"',
      '`', '#', '\\', '\\n', 'val', 'é', '\u2028', '\uFEFF', '1',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
        const text = tokens.join('');
        const expected = parse(text);
        for (const name of new Set(text.match(/[\w.-]+/g) ?? [])) {
          if (!isValidEnvName(name)) continue;
          expect(readEnvVar(text, name)).toBe(expected[name]);
        }
      }),
      { numRuns: runs(3000) },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// upsertEnv / removeEnvVars: exact cases

describe('upsertEnv', () => {
  const set = (text: string, name: string, value: string) => upsertEnv(text, [{ name, value }]);

  it.each([
    ['replaces a plain value', 'A=1\nB=2\n', 'A', '3', 'A=3\nB=2\n'],
    ['keeps export and the trailing comment', 'export A=1 # note\n', 'A', 'x', 'export A=x # note\n'],
    ['keeps spacing around =', 'A = 1\n', 'A', '2', 'A = 2\n'],
    ['keeps spacing before a comment', 'A=old   # keep me\n', 'A', 'new', 'A=new   # keep me\n'],
    ['replaces a quoted value holding #, keeping its quotes', 'A="x # y" # real\n', 'A', 'z', 'A="z" # real\n'],
    ['replaces a multi-line value', 'A="l1\nl2\nl3" # c\nB=1\n', 'A', 'z', 'A="z" # c\nB=1\n'],
    ['replaces a multi-line value in CRLF', 'A="l1\r\nl2"\r\nB=1\r\n', 'A', 'z', 'A="z"\r\nB=1\r\n'],
    ['keeps single quotes of the replaced value', "A='old'\n", 'A', 'mcp_sk_new', "A='mcp_sk_new'\n"],
    ['keeps double quotes and export', 'export A="old"  # key\n', 'A', 'mcp_sk_new', 'export A="mcp_sk_new"  # key\n'],
    ['drops backticks, which a shell would run', 'A=`old`\n', 'A', 'new', 'A=new\n'],
    ['leaves a quote style that cannot hold the value', "A='old'\n", 'A', "it's #1", 'A="it\'s #1"\n'],
    ['fills an empty value', 'A=\nB=2\n', 'A', 'x', 'A=x\nB=2\n'],
    ['fills a value that is only a comment', 'A=#c\n', 'A', 'x', 'A=x #c\n'],
    ['fills a blank value before a comment', 'A=   # c\n', 'A', 'x', 'A=x   # c\n'],
    ['writes an empty value quoted', 'A=1\n', 'A', '', "A=''\n"],
    ['uses the colon syntax in place', 'A: 1\n', 'A', '2', 'A: 2\n'],
    ['quotes when needed, keeping other quote styles', "A='1'\nB=\"2\"\n", 'A', ' x#', "A=' x#'\nB=\"2\"\n"],
    ['rewrites every assignment of a name', 'A=1\nB=2\nA=3\n', 'A', 'x', 'A=x\nB=2\nA=x\n'],
    ['leaves a commented-out assignment alone', '# A=1\nA=2\n', 'A', 'x', '# A=1\nA=x\n'],
    ['appends after a final newline', 'A=1\n', 'B', '2', 'A=1\nB=2\n'],
    ['appends without adding a final newline', 'A=1', 'B', '2', 'A=1\nB=2'],
    ['appends with CRLF', 'A=1\r\n', 'B', '2', 'A=1\r\nB=2\r\n'],
    ['appends with CRLF, no final newline', 'A=1\r\nC=3', 'B', '2', 'A=1\r\nC=3\r\nB=2'],
    ['appends to an empty file', '', 'B', '2', 'B=2\n'],
    ['appends after a comment', '# only\n', 'B', '2', '# only\nB=2\n'],
    ['keeps a BOM', '\uFEFFA=1\n', 'A', '2', '\uFEFFA=2\n'],
    ['keeps a BOM on an otherwise empty file', '\uFEFF', 'A', '2', '\uFEFFA=2\n'],
    ['keeps odd indentation', '  \tA=1\n', 'A', '2', '  \tA=2\n'],
    ['handles a lone-CR file', 'A=1\rB=2\r', 'B', '3', 'A=1\rB=3\r'],
    ['keeps mixed line endings', 'A=1\r\nB=2\nC=3\r\n', 'B', 'x', 'A=1\r\nB=x\nC=3\r\n'],
  ])('%s', (_label, before, name, value, after) => {
    const edit = set(before, name, value);
    expect(edit.text).toBe(after);
    expect(edit.changed).toEqual([name]);
    expect(parse(edit.text)[name]).toBe(value);
  });

  it.each([
    ['A=1\n', 'A', '1'],
    ['A="1" # same\n', 'A', '1'],
    ["export A = 'a b'\n", 'A', 'a b'],
    ['A=x\nA=x', 'A', 'x'],
    ['\uFEFFA=x\r\n', 'A', 'x'],
  ])('leaves %j byte-identical when the value is already right', (before, name, value) => {
    expect(set(before, name, value)).toEqual({ text: before, changed: [] });
  });

  it('rewrites only the stale duplicate when the last one is already right', () => {
    expect(set('A=1\nA=2\n', 'A', '2')).toEqual({ text: 'A=2\nA=2\n', changed: ['A'] });
  });

  it('applies several assignments in order; a repeated name takes its last value', () => {
    const edit = upsertEnv('B=0\n', [
      { name: 'A', value: '1' },
      { name: 'B', value: '0' },
      { name: 'C', value: 'x' },
      { name: 'A', value: '2' },
    ]);
    expect(edit).toEqual({ text: 'B=0\nA=2\nC=x\n', changed: ['A', 'C'] });
  });

  it('falls back to another quote style when a stray quote earlier in the file would swallow the value', () => {
    // `A='abc` is unterminated: a new single-quoted value would close it and make B and N vanish.
    const before = "A='abc\nB=x\n";
    const edit = set(before, 'N', '# y');
    expect(edit.text).toBe('A=\'abc\nB=x\nN="# y"\n');
    expect(parse(edit.text)).toEqual({ ...parse(before), N: '# y' });
  });

  it('refuses, rather than corrupts, when no spelling keeps the other lines as they were', () => {
    // `A:` at the end of a file takes the whole next line as its value.
    expectValidation(() => set('A:', 'N', 'sk_live_secret'), 'sk_live_secret');
  });

  it('rejects invalid names and values before changing anything, without echoing values', () => {
    expectValidation(() => set('A=1\n', '1A', 'x'));
    expectValidation(() => set('A=1\n', '__proto__', 'x'));
    expectValidation(() => upsertEnv('A=1\n', [{ name: 'A', value: 'ok' }, { name: 'B', value: 'sk_live_secret\n' }]), 'sk_live_secret');
    expectValidation(() => set('A=1\n', 'A', `sk_live_secret'"\`#`), 'sk_live_secret');
  });
});

describe('removeEnvVars', () => {
  it.each([
    ['a middle line', 'A=1\nB=2\nC=3\n', ['B'], 'A=1\nC=3\n'],
    ['every duplicate', 'A=1\nB=2\nA=3\n', ['A'], 'B=2\n'],
    ['a multi-line value with its comment', '# head\nA="l1\nl2" # c\nB=2\n', ['A'], '# head\nB=2\n'],
    ['an export line, CRLF', 'export A=1\r\nB=2\r\n', ['A'], 'B=2\r\n'],
    ['the last line of a file without a final newline', 'A=1\nB=2', ['B'], 'A=1'],
    ['the last line after a blank line', 'A=1\n\nB=2', ['B'], 'A=1\n'],
    ['the only line', 'A=1\n', ['A'], ''],
    ['the first line after a BOM', '\uFEFFA=1\nB=2', ['A'], '\uFEFFB=2'],
    ['but not a commented-out one', '# A=1\nA=2\n', ['A'], '# A=1\n'],
    ['several names', 'A=1\nB=2\nC=3', ['C', 'A'], 'B=2'],
    ['a value-less colon line', 'A: x\nB=2\n', ['A'], 'B=2\n'],
    ['an `export` dotenv reads across a line break', 'export\nA=1\nB=2\n', ['A'], 'B=2\n'],
  ])('removes %s', (_label, before, names, after) => {
    const edit = removeEnvVars(before, names);
    expect(edit.text).toBe(after);
    expect(edit.changed).toEqual(names);
  });

  it('reports and changes nothing for absent names', () => {
    expect(removeEnvVars('A=1\n# B=2', ['B', 'C'])).toEqual({ text: 'A=1\n# B=2', changed: [] });
  });

  it('refuses when removing a line would change how another line reads', () => {
    // `A=` takes a quoted value from a following line once B's line is gone.
    expectValidation(() => removeEnvVars("A=\nB='x'\n'y'\n", ['B']));
  });

  it('rejects invalid names', () => {
    expectValidation(() => removeEnvVars('A=1', ['A B']));
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties over a corpus of nasty files and over generated ones.
//
// A file is a list of blocks; each block knows its lines and which variable (if any) it assigns, which gives an
// oracle for "which lines may change" that does not depend on the tokenizer under test.

interface Block {
  lines: string[];
  key?: string;
  /** What dotenv reads for this assignment (line breaks as LF). */
  value?: string;
  /** Start of the first line and end of the last line, kept when the value is rewritten. */
  prefix?: string;
  tail?: string;
}

interface EnvFile {
  blocks: Block[];
  eol: '\n' | '\r\n';
  bom: boolean;
  finalNewline: boolean;
}

const other = (...lines: string[]): Block => ({ lines });
const assign = (key: string, value: string, lines: string | string[], prefix = `${key}=`, tail = ''): Block => ({
  key,
  value,
  lines: typeof lines === 'string' ? [lines] : lines,
  prefix,
  tail,
});

const CORPUS: Record<string, Block[]> = {
  realistic: [
    other('# Local settings — do not commit'),
    other(''),
    assign('NODE_ENV', 'development', 'NODE_ENV=development'),
    assign('DATABASE_URL', 'postgres://u:p@h:5432/db?ssl=true', 'export DATABASE_URL="postgres://u:p@h:5432/db?ssl=true"', 'export DATABASE_URL='),
    assign('API_KEY', 'sk_live_abc', 'API_KEY=sk_live_abc # prod key', 'API_KEY=', ' # prod key'),
    assign('EMPTY', '', 'EMPTY='),
    assign('QUOTED_HASH', 'abc#def', "QUOTED_HASH='abc#def'"),
    assign('SPACED', 'value with spaces', 'SPACED = value with spaces  ', 'SPACED = ', '  '),
    other('# COMMENTED=out', '#API_KEY=old'),
    assign(
      'PRIVATE_KEY',
      '-----BEGIN KEY-----\nMIIB#abc\'def\n-----END KEY-----',
      ['PRIVATE_KEY="-----BEGIN KEY-----', "MIIB#abc'def", '-----END KEY-----"  # pem'],
      'PRIVATE_KEY=',
      '  # pem',
    ),
    assign('DUP', '1', 'DUP=1'),
    other('   '),
    assign('DUP', '2', 'DUP=2'),
    assign('BLANKVAL', '', 'BLANKVAL=   # nothing yet', 'BLANKVAL=', '   # nothing yet'),
  ],
  odd: [
    assign('TAB_INDENT', '1', '\tTAB_INDENT=1', '\tTAB_INDENT='),
    assign('LEADING', '2', '  LEADING=2', '  LEADING='),
    assign('KEY', 'value', 'KEY =value', 'KEY ='),
    assign('KEY2', 'value', 'KEY2= value', 'KEY2= '),
    assign('UNI', 'héllo wörld 😀', 'UNI=héllo wörld 😀'),
    other('# ünïcode comment ✓ with "quotes" and \'single\' and `ticks`'),
    assign('COLON', 'yes', 'COLON: yes', 'COLON: '),
    assign('BT', `a 'b' "c"`, "BT=`a 'b' \"c\"`"),
    assign('DQ_ESC', 'a\nb', 'DQ_ESC="a\\nb"'),
    assign('SQ_ESC', 'a\\nb', "SQ_ESC='a\\nb'"),
    assign('ESCQ', 'a\\"b', 'ESCQ="a\\"b"'),
    assign('a.b-c', 'dots', 'a.b-c=dots'),
    assign('1NUM', 'digit-start', '1NUM=digit-start'), // dotenv reads it; we may not write it
    assign('EXP2', 'spaced', 'export  EXP2 = spaced', 'export  EXP2 = '),
    assign('TRAIL', 'x', "TRAIL='x'   ", 'TRAIL=', '   '),
    assign('HASHY', 'a', 'HASHY=a#b', 'HASHY=', '#b'),
  ],
  junk: [
    other('just some text'),
    other('ÉTÉ=not a key for dotenv'),
    other('=novalue'),
    other('# only comments', ''),
    assign('REAL', 'r', 'REAL=r'),
    other('not an assignment: either'),
  ],
  multiline: [
    assign('SQ_ML', 'one\n  two # not a comment\n', ["SQ_ML='one", '  two # not a comment', "'"]),
    other(''),
    assign('BT_ML', 'x\n"y"', ['BT_ML=`x', '"y"` # after', ], 'BT_ML=', ' # after'),
    assign('DQ_ML', "it's\n\nthree", ['export DQ_ML="it\'s', '', 'three"'], 'export DQ_ML='),
    assign('AFTER', 'ok', 'AFTER=ok'),
  ],
  'comments only': [other('# a', '#', '  # indented')],
  empty: [],
};

const VARIANTS: Omit<EnvFile, 'blocks'>[] = [];
for (const eol of ['\n', '\r\n'] as const)
  for (const bom of [false, true]) for (const finalNewline of [true, false]) VARIANTS.push({ eol, bom, finalNewline });

function render(file: EnvFile): string {
  const lines = file.blocks.flatMap((b) => b.lines);
  if (lines.length === 0) return file.bom ? '\uFEFF' : '';
  return (file.bom ? '\uFEFF' : '') + lines.join(file.eol) + (file.finalNewline ? file.eol : '');
}

function valuesOf(blocks: Block[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of blocks) if (b.key !== undefined) out[b.key] = b.value!;
  return out;
}

/** Lines of `text` split on `eol`, minus the BOM and the empty piece after a final newline. */
function linesOf(text: string, eol: string): { lines: string[]; bom: boolean; finalNewline: boolean } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const finalNewline = body.endsWith(eol);
  const lines = body === '' ? [] : (finalNewline ? body.slice(0, -eol.length) : body).split(eol);
  return { lines, bom, finalNewline };
}

function checkUpsert(file: EnvFile, assignments: EnvAssignment[]): void {
  const before = render(file);
  expect(parse(before)).toEqual(valuesOf(file.blocks)); // the oracle itself is right

  let edit;
  try {
    edit = upsertEnv(before, assignments);
  } catch (error) {
    // Only a value that cannot be written at all may be refused on these well-formed files.
    expect((error as VaultError).code).toBe('VALIDATION');
    expect(assignments.some((a) => !someSpellingWorks(a.value))).toBe(true);
    return;
  }
  const wanted = new Map(assignments.map((a) => [a.name, a.value]));

  // Values: the written ones exactly, all others as before.
  expect(parse(edit.text)).toEqual({ ...parse(before), ...Object.fromEntries(wanted) });
  for (const [name, value] of wanted) expect(readEnvVar(edit.text, name)).toBe(value);

  // Names reported: those with a stale or missing assignment, in input order.
  const present = file.blocks.filter((b) => b.key !== undefined);
  expect(edit.changed).toEqual(
    [...wanted.keys()].filter(
      (name) => !present.some((b) => b.key === name) || present.some((b) => b.key === name && b.value !== wanted.get(name)),
    ),
  );

  // Lines: each block unchanged, or (a stale assignment of a written name) one line keeping its prefix and tail;
  // new names appended at the end; BOM and final-newline state kept.
  const eol = detectEol(before);
  const out = linesOf(edit.text, eol);
  expect(out.bom).toBe(file.bom);
  let i = 0;
  for (const block of file.blocks) {
    if (block.key !== undefined && wanted.has(block.key) && wanted.get(block.key) !== block.value) {
      const line = out.lines[i++]!;
      expect(line.startsWith(block.prefix!)).toBe(true);
      expect(line.endsWith(block.tail!)).toBe(true);
    } else {
      expect(out.lines.slice(i, i + block.lines.length)).toEqual(block.lines);
      i += block.lines.length;
    }
  }
  const added = [...wanted.keys()].filter((name) => !present.some((b) => b.key === name));
  expect(out.lines.slice(i).map((l) => l.slice(0, l.indexOf('=') + 1))).toEqual(added.map((n) => `${n}=`));
  const hadLines = file.blocks.some((b) => b.lines.length > 0);
  expect(out.finalNewline).toBe(hadLines ? file.finalNewline : added.length > 0);
}

function checkRemove(file: EnvFile, names: string[]): void {
  const before = render(file);
  const edit = removeEnvVars(before, names);
  const kept = file.blocks.filter((b) => b.key === undefined || !names.includes(b.key));
  const expected = render({ ...file, blocks: kept });
  // Exactly the other lines, in order, with the same BOM and final-newline state.
  expect(edit.text).toBe(expected);
  expect(edit.changed).toEqual(names.filter((n, i) => names.indexOf(n) === i && file.blocks.some((b) => b.key === n)));
  const values = parse(before);
  for (const n of names) delete values[n];
  expect(parse(edit.text)).toEqual(values);
}

const NEW_NAMES = ['NEW_KEY', 'MCP_TOKEN', 'x.y-z', '_u'];

function assignmentsFor(blocks: Block[]) {
  const names = [...new Set(blocks.map((b) => b.key).filter((k): k is string => k !== undefined && isValidEnvName(k)))];
  const name = fc.constantFrom(...names, ...NEW_NAMES);
  // Sometimes re-use a value already in the file, to hit the "already right" path.
  const existing = Object.values(valuesOf(blocks)).filter((v) => !/[\r\n]/.test(v));
  const value = existing.length > 0 ? fc.oneof(anyValue, fc.constantFrom(...existing)) : anyValue;
  return fc.array(fc.record({ name, value }), { minLength: 1, maxLength: 4 });
}

describe('properties over the nasty corpus', () => {
  for (const [label, blocks] of Object.entries(CORPUS)) {
    for (const variant of VARIANTS) {
      const file: EnvFile = { blocks, ...variant };
      const tag = `${label} (${JSON.stringify(variant.eol)}${variant.bom ? ', BOM' : ''}${variant.finalNewline ? '' : ', no final newline'})`;

      it(`upsert keeps everything else: ${tag}`, () => {
        fc.assert(fc.property(assignmentsFor(blocks), (assignments) => checkUpsert(file, assignments)), { numRuns: runs(150) });
      });

      it(`remove keeps everything else: ${tag}`, () => {
        const names = [...new Set([...blocks.flatMap((b) => (b.key && isValidEnvName(b.key) ? [b.key] : [])), ...NEW_NAMES])];
        fc.assert(fc.property(fc.subarray(names), (subset) => checkRemove(file, subset)), { numRuns: runs(60) });
      });
    }
  }
});

// Generated files: random blocks of every kind, random keys (with duplicates), random line endings.
const KEYS = ['A', 'B', 'DUP', 'x.y', 'API_KEY'];
const bare = fc
  .tuple(
    fc.constantFrom(...'aZ09_./:+=@-é'),
    fc.string({ unit: fc.constantFrom(...'aZ09 _./:+=@-é\'"`\\'), maxLength: 10 }),
    fc.constantFrom(...'aZ09_./:+=@-'),
  )
  .map(([a, mid, z]) => a + mid + z);
const inQuotes = (q: string) =>
  fc.string({ unit: fc.constantFrom(...`aZ 09#=:\\'"\``.replace(q, '')), maxLength: 10 }).filter((s) => !s.endsWith('\\'));
const comment = fc.string({ unit: fc.constantFrom(...'aZ #=\'"`:é'), maxLength: 12 }).map((s) => `#${s}`);
const dq = (s: string) => s.replace(/\\n/g, '\n').replace(/\\r/g, '\r');

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  fc.constantFrom(other(''), other('  '), other('# comment'), other('# A=commented'), other('some junk')),
  comment.map((c) => other(c)),
  fc.tuple(fc.constantFrom(...KEYS), bare).map(([k, v]) => assign(k, v, `${k}=${v}`)),
  fc.tuple(fc.constantFrom(...KEYS), bare).map(([k, v]) => assign(k, v, `export ${k} = ${v}`, `export ${k} = `)),
  fc.tuple(fc.constantFrom(...KEYS), bare, comment).map(([k, v, c]) => assign(k, v, `${k}=${v} ${c}`, `${k}=`, ` ${c}`)),
  fc.tuple(fc.constantFrom(...KEYS), bare).map(([k, v]) => assign(k, v, `${k}: ${v}`, `${k}: `)),
  fc.constantFrom(...KEYS).map((k) => assign(k, '', `${k}=`)),
  fc.tuple(fc.constantFrom(...KEYS), inQuotes("'")).map(([k, v]) => assign(k, v, `${k}='${v}'`)),
  fc.tuple(fc.constantFrom(...KEYS), inQuotes('"'), comment).map(([k, v, c]) => assign(k, dq(v), `${k}="${v}" ${c}`, `${k}=`, ` ${c}`)),
  fc.tuple(fc.constantFrom(...KEYS), inQuotes('`')).map(([k, v]) => assign(k, v, `export ${k}=\`${v}\``, `export ${k}=`)),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom("'", '"', '`'), fc.array(inQuotes('"').map((s) => s.replace(/['`\\]/g, '')), { minLength: 2, maxLength: 3 }))
    .map(([k, q, parts]) => {
      const value = parts.join('\n');
      const lines = parts.map((p, i) => (i === 0 ? `${k}=${q}${p}` : p));
      lines[lines.length - 1] += q;
      return assign(k, q === '"' ? dq(value) : value, lines);
    }),
);

const fileArb: fc.Arbitrary<EnvFile> = fc
  .record({
    blocks: fc.array(blockArb, { maxLength: 10 }),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  // A last empty line without a final newline renders like a final newline: the line model would be ambiguous.
  .filter((f) => f.finalNewline || f.blocks.flatMap((b) => b.lines).at(-1) !== '');

describe('properties over generated files', () => {
  it('upsert changes only the written variables and their lines', () => {
    fc.assert(
      fc.property(
        fileArb,
        fc.array(fc.record({ name: fc.constantFrom(...KEYS, ...NEW_NAMES), value: anyValue }), { minLength: 1, maxLength: 4 }),
        (file, assignments) => checkUpsert(file, assignments),
      ),
      { numRuns: runs(1500) },
    );
  });

  it('remove drops exactly the lines of the removed variables', () => {
    fc.assert(
      fc.property(fileArb, fc.subarray([...KEYS, ...NEW_NAMES]), (file, names) => checkRemove(file, names)),
      { numRuns: runs(1500) },
    );
  });

  it('upserting then reading gives the value back, and upserting again changes nothing', () => {
    fc.assert(
      fc.property(fileArb, fc.constantFrom(...KEYS, ...NEW_NAMES), fc.oneof(realisticKey, bare.filter(someSpellingWorks)), (file, name, value) => {
        const once = upsertEnv(render(file), [{ name, value }]);
        expect(readEnvVar(once.text, name)).toBe(value);
        expect(upsertEnv(once.text, [{ name, value }])).toEqual({ text: once.text, changed: [] });
      }),
      { numRuns: runs(500) },
    );
  });
});
