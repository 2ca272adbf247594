/**
 * The text edits under every MCP config change: each keeps every byte outside the property it edits (comments,
 * trailing commas, order, indentation, CRLF, a BOM), and the result always parses — including the cases where
 * jsonc-parser's own `modify` breaks a file or reformats it.
 */
import { describe, expect, it } from 'vitest';
import { editJson, JsonEditError, parseJsonc, styleOf } from '../../electron/core/mcp/jsonc-edits';

const lines = (text: string) => text.split('\n');

describe('removing a property', () => {
  it('the last one before a trailing comma: its line goes, the file still parses (jsonc-parser modify leaves a stray comma)', () => {
    const text = '{\n  "env": {\n    "A": "1", // a\n  },\n}\n';
    const after = editJson(text, [{ remove: ['env', 'A'] }]);
    expect(after).toBe('{\n  "env": {\n  },\n}\n');
    expect(parseJsonc(after).ok).toBe(true);
  });

  it('the last one without a trailing comma: the comma before it goes (strict JSON), the neighbour keeps its own comment', () => {
    const text = '{\n  "env": {\n    "B": "2", // b\n    "A": "1" // a\n  }\n}\n';
    expect(editJson(text, [{ remove: ['env', 'A'] }])).toBe('{\n  "env": {\n    "B": "2" // b\n  }\n}\n');
  });

  it('one in the middle: only its line goes; a comment line above it stays', () => {
    const text = '{\n  "env": {\n    "B": "2",\n    // about A\n    "A": "1",\n    "C": "3"\n  }\n}\n';
    expect(editJson(text, [{ remove: ['env', 'A'] }])).toBe('{\n  "env": {\n    "B": "2",\n    // about A\n    "C": "3"\n  }\n}\n');
  });

  it('on one line: in place, the rest of the line as it was', () => {
    expect(editJson('{ "env": { "A": "1", "B": "2" }, "z": [1,2] }', [{ remove: ['env', 'A'] }])).toBe('{ "env": { "B": "2" }, "z": [1,2] }');
    expect(editJson('{ "env": { "B": "2", "A": "1" }, "z": [1,2] }', [{ remove: ['env', 'A'] }])).toBe('{ "env": { "B": "2" }, "z": [1,2] }');
    expect(editJson('{"env":{"A":"1"},"z":[1,2]}', [{ remove: ['env', 'A'] }])).toBe('{"env":{},"z":[1,2]}');
  });

  it('a multi-line value goes with all its lines; CRLF is kept', () => {
    const text = '{\r\n  "a": 1,\r\n  "env": {\r\n    "A": "1"\r\n  },\r\n  "b": 2\r\n}\r\n';
    expect(editJson(text, [{ remove: ['env'] }])).toBe('{\r\n  "a": 1,\r\n  "b": 2\r\n}\r\n');
  });

  it('a path that is not there changes nothing', () => {
    const text = '{ "a": 1 }';
    expect(editJson(text, [{ remove: ['b', 'c'] }])).toBe(text);
  });
});

describe('setting a property', () => {
  it('a new one after the last, on its own line, in the neighbours’ indentation; a neighbour’s end-of-line comment stays on its line', () => {
    const text = '{\n\t"a": {\n\t\t"command": "npx" // cmd\n\t}\n}\n';
    expect(editJson(text, [{ set: ['a', 'args'], value: ['x', 'y'] }])).toBe('{\n\t"a": {\n\t\t"command": "npx", // cmd\n\t\t"args": [\n\t\t\t"x",\n\t\t\t"y"\n\t\t]\n\t}\n}\n');
  });

  it('a new one where the object ends with a trailing comma gets one too', () => {
    const text = '{\n  "a": {\n    "command": "npx",\n  },\n}\n';
    expect(editJson(text, [{ set: ['a', 'env', 'K'], value: 'v' }])).toBe('{\n  "a": {\n    "command": "npx",\n    "env": {\n      "K": "v"\n    },\n  },\n}\n');
  });

  it('into a one-line file: on that line, nothing else reformatted (jsonc-parser modify reformats the whole file)', () => {
    expect(editJson('{"a": {"command": "npx"}, "z": [1,2]}', [{ set: ['a', 'args'], value: ['p'] }])).toBe('{"a": {"command": "npx", "args": ["p"]}, "z": [1,2]}');
  });

  it('into an empty object: on its own lines where its property has one', () => {
    expect(editJson('{\n  "a": {\n    "env": {}\n  }\n}', [{ set: ['a', 'env', 'K'], value: 'v' }])).toBe('{\n  "a": {\n    "env": {\n      "K": "v"\n    }\n  }\n}');
  });

  it('replacing a value keeps its layout: an array on one line stays on one line, one over several lines stays so', () => {
    expect(editJson('{\n  "args": ["a", "b"] // c\n}', [{ set: ['args'], value: ['x'] }])).toBe('{\n  "args": ["x"] // c\n}');
    expect(editJson('{\n  "args": [\n    "a"\n  ]\n}', [{ set: ['args'], value: ['x', 'y'] }])).toBe('{\n  "args": [\n    "x",\n    "y"\n  ]\n}');
  });

  it('keeps a BOM and non-ASCII text as they are', () => {
    const text = '\uFEFF{\n  "名前": "✓ 🔑",\n  "a": "x"\n}\n';
    expect(editJson(text, [{ set: ['a'], value: 'ü' }])).toBe('\uFEFF{\n  "名前": "✓ 🔑",\n  "a": "ü"\n}\n');
  });
});

describe('refusals', () => {
  it('a key written twice on the edited path (clients read the last one; an edit could change the other)', () => {
    const text = '{\n  "servers": {\n    "a": { "env": { "K": "1" } },\n    "a": { "env": { "K": "2" } }\n  },\n  "b": 1,\n  "b": 2\n}\n';
    expect(() => editJson(text, [{ set: ['servers', 'a', 'env', 'K'], value: 'v' }])).toThrow(new JsonEditError('servers.a is written more than once'));
    expect(() => editJson(text, [{ remove: ['servers', 'a', 'env', 'K'] }])).toThrow(new JsonEditError('servers.a is written more than once'));
    expect(() => editJson(text, [{ set: ['b'], value: 3 }])).toThrow(new JsonEditError('b is written more than once'));
    // A duplicate elsewhere in the file is not in the way.
    expect(editJson(text, [{ set: ['servers', 'c'], value: 1 }])).toContain('"c": 1');
  });
});

describe('parsing', () => {
  it('reads comments and trailing commas; says where a broken file fails', () => {
    expect(parseJsonc('{ // c\n "a": [1,], }')).toMatchObject({ ok: true, value: { a: [1] } });
    expect(parseJsonc('{\n  "a": 1\n  "b": 2\n}')).toEqual({ ok: false, line: 3, column: 3 });
  });

  it('detects the indentation unit and line ending', () => {
    expect(styleOf('{\r\n    "a": {\r\n        "b": 1\r\n    }\r\n}')).toEqual({ eol: '\r\n', unit: '    ' });
    expect(styleOf('{\n\t"a": 1\n}')).toEqual({ eol: '\n', unit: '\t' });
    expect(lines(styleOf('{}').unit)).toEqual(['  ']);
  });
});
