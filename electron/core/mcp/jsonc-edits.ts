/**
 * Reading and editing a client's JSON (with comments) config as text: every byte outside the edited property stays
 * as it was — comments, trailing commas, key order, indentation, line endings, a BOM.
 *
 * jsonc-parser (VS Code's) parses the file into a tree with offsets and scans its tokens; its `applyEdits` applies
 * the text edits. The edits themselves are made here rather than by its `modify`, which on jsonc-parser 3.3 leaves
 * a stray `,` (a file that no longer parses) when it removes the last property before a trailing comma, moves a
 * neighbour's end-of-line comment onto another property, and reformats the whole document when it inserts into a
 * one-line file. The rules here: a property that has its own line(s) is removed or added as whole lines, in the
 * indentation of its neighbours; elsewhere it is edited in place on its line. A comma the removal would leave
 * trailing is taken out unless the object already ended with one (the file then uses trailing commas).
 */
import { VaultError } from '../../../shared/errors';
import { applyEdits, createScanner, findNodeAtLocation, getNodeValue, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a `const enum` (not usable under isolatedModules): its values, as documented.
const COMMA = 5;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const EOF = 17;

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;

export type JsonPath = readonly string[];

export type ParsedJsonc =
  | { ok: true; root: Node | undefined; value: unknown }
  | { ok: false; line: number; column: number };

/** A BOM is an invalid symbol to the parser: it is read as a space (the same length, so every offset holds). */
function parseable(text: string): string {
  return text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
}

/**
 * The file's tree and value, or where it first fails to parse (1-based line and column). Comments and trailing
 * commas are read in every client's file: a strict-JSON client would refuse such a file itself, but it is the
 * user's, and our edits never add either.
 */
export function parseJsonc(text: string): ParsedJsonc {
  const body = parseable(text);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, PARSE_OPTIONS);
  const first = errors[0];
  if (first) {
    const before = body.slice(0, first.offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { ok: false, line: before.split('\n').length, column: first.offset - lineStart + 1 };
  }
  return { ok: true, root, value: root ? (getNodeValue(root) as unknown) : undefined };
}

/** The value at `path`, or undefined. */
export function valueAt(root: Node | undefined, path: JsonPath): unknown {
  const node = root && findNodeAtLocation(root, [...path]);
  return node ? (getNodeValue(node) as unknown) : undefined;
}

interface Style {
  eol: string;
  /** One level of indentation: a tab, or the smallest indentation the file uses. */
  unit: string;
}

/** The file's line ending and indentation unit, so added lines look like their neighbours. */
export function styleOf(text: string): Style {
  const eol = /\r\n/.test(text) && !/(^|[^\r])\n/.test(text) ? '\r\n' : '\n';
  let spaces = 0;
  for (const line of text.split(/\r?\n/)) {
    const indent = /^[ \t]+(?=\S)/.exec(line)?.[0];
    if (!indent) continue;
    if (indent.startsWith('\t')) return { eol, unit: '\t' };
    if (spaces === 0 || indent.length < spaces) spaces = indent.length;
  }
  return { eol, unit: ' '.repeat(spaces || 2) };
}

/** `value` as JSON text: on several lines, each indented one unit deeper than `base`, or on one line. */
function serialize(value: unknown, base: string, multiline: boolean, style: Style): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (!multiline) return `[${value.map((v) => serialize(v, base, false, style)).join(', ')}]`;
    const inner = base + style.unit;
    return `[${style.eol}${value.map((v) => inner + serialize(v, inner, true, style)).join(`,${style.eol}`)}${style.eol}${base}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    if (!multiline) return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${serialize(v, base, false, style)}`).join(', ')} }`;
    const inner = base + style.unit;
    return `{${style.eol}${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${serialize(v, inner, true, style)}`).join(`,${style.eol}`)}${style.eol}${base}}`;
  }
  return JSON.stringify(value);
}

/** The whitespace before `offset` on its line when nothing else is, else null (the node does not start its line). */
function indentBefore(body: string, offset: number): string | null {
  const start = body.lastIndexOf('\n', offset - 1) + 1;
  const before = body.slice(start, offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

/** The whitespace at the start of the line `offset` is on. */
function lineIndent(body: string, offset: number): string {
  const start = body.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(body.slice(start))![0];
}

interface RestOfLine {
  /** The comma right after the node, if any. */
  comma: number | null;
  /** Only a comma, blanks and a comment follow the node up to the end of its line. */
  clean: boolean;
  /** Where the line break starts (or the text ends), when clean. */
  lineEnd: number;
  /** Where the next line starts, when clean. */
  nextLine: number;
}

/** What follows a node up to the end of its line. */
function restOfLine(body: string, from: number): RestOfLine {
  const scanner = createScanner(body, false);
  scanner.setPosition(from);
  let comma: number | null = null;
  for (;;) {
    const token = scanner.scan();
    const at = scanner.getTokenOffset();
    if (token === TRIVIA || token === LINE_COMMENT) continue;
    if (token === BLOCK_COMMENT && !/[\r\n]/.test(body.slice(at, at + scanner.getTokenLength()))) continue;
    if (token === COMMA && comma === null) {
      comma = at;
      continue;
    }
    if (token === LINE_BREAK) return { comma, clean: true, lineEnd: at, nextLine: at + scanner.getTokenLength() };
    if (token === EOF) return { comma, clean: true, lineEnd: at, nextLine: at };
    return { comma, clean: false, lineEnd: -1, nextLine: -1 };
  }
}

/** The offset of the first comma after `from` (skipping blanks and comments), or null. */
function commaAfter(body: string, from: number): number | null {
  const scanner = createScanner(body, true);
  scanner.setPosition(from);
  return scanner.scan() === COMMA ? scanner.getTokenOffset() : null;
}

function end(node: Node): number {
  return node.offset + node.length;
}

/** Edits that take property `prop` out of its object. */
function removalEdits(body: string, prop: Node): Edit[] {
  const siblings = prop.parent!.children!;
  const index = siblings.indexOf(prop);
  const previous = index > 0 ? siblings[index - 1]! : null;
  const next = siblings[index + 1] ?? null;
  const rest = restOfLine(body, end(prop));
  if (indentBefore(body, prop.offset) !== null && rest.clean) {
    const start = body.lastIndexOf('\n', prop.offset - 1) + 1;
    const edits: Edit[] = [{ offset: start, length: rest.nextLine - start, content: '' }];
    // The last property goes without a comma of its own: the one before it would now end the object.
    if (!next && rest.comma === null && previous) {
      const comma = commaAfter(body, end(previous));
      if (comma !== null) edits.push({ offset: comma, length: 1, content: '' });
    }
    return edits;
  }
  if (next) {
    const comma = commaAfter(body, end(prop));
    let stop = comma === null ? next.offset : comma + 1;
    while (body[stop] === ' ' || body[stop] === '\t') stop++;
    return [{ offset: prop.offset, length: stop - prop.offset, content: '' }];
  }
  if (previous) return [{ offset: end(previous), length: end(prop) - end(previous), content: '' }];
  const stop = rest.comma !== null ? rest.comma + 1 : end(prop);
  return [{ offset: prop.offset, length: stop - prop.offset, content: '' }];
}

/** Edits that add `"key": value` as the object's last property. */
function insertionEdits(body: string, object: Node, key: string, value: unknown, style: Style): Edit[] {
  const props = object.children ?? [];
  const last = props.at(-1);
  if (!last) {
    // An empty object: written anew, on several lines where its property has a line of its own.
    const owner = object.parent?.type === 'property' ? object.parent : object;
    const multiline = indentBefore(body, owner.offset) !== null;
    const base = lineIndent(body, object.offset);
    const inner = body.slice(object.offset + 1, end(object) - 1);
    const member = `${JSON.stringify(key)}: ${serialize(value, base + style.unit, multiline, style)}`;
    // A comment inside the empty object is kept, after the new property.
    if (inner.trim() !== '') return [{ offset: object.offset + 1, length: 0, content: multiline ? `${style.eol}${base}${style.unit}${member}` : ` ${member}` }];
    const content = multiline ? `{${style.eol}${base}${style.unit}${member}${style.eol}${base}}` : `{ ${member} }`;
    return [{ offset: object.offset, length: object.length, content }];
  }
  const indent = indentBefore(body, last.offset);
  const rest = restOfLine(body, end(last));
  if (indent !== null && rest.clean) {
    const member = `${JSON.stringify(key)}: ${serialize(value, indent, true, style)}`;
    if (rest.comma !== null) return [{ offset: rest.lineEnd, length: 0, content: `${style.eol}${indent}${member},` }];
    return [
      { offset: end(last), length: 0, content: ',' },
      { offset: rest.lineEnd, length: 0, content: `${style.eol}${indent}${member}` },
    ];
  }
  return [{ offset: end(last), length: 0, content: `, ${JSON.stringify(key)}: ${serialize(value, '', false, style)}` }];
}

/** The edit replacing a value: kept on one line or spread over several as the old value was. */
function replacementEdit(body: string, node: Node, value: unknown, style: Style): Edit {
  const old = body.slice(node.offset, end(node));
  const container = typeof value === 'object' && value !== null && Object.keys(value).length > 0;
  const ownsLine = node.parent?.type === 'property' && indentBefore(body, node.parent.offset) !== null;
  const multiline = /\n/.test(old) || (container && !Array.isArray(value) && ownsLine && node.type !== 'array' && node.type !== 'object');
  return { offset: node.offset, length: node.length, content: serialize(value, lineIndent(body, node.offset), multiline, style) };
}

export type JsonEdit = { set: JsonPath; value: unknown } | { remove: JsonPath };

/** Why an edit cannot be made on this file: a fragment, put in a sentence by fileEditError. */
export class JsonEditError extends Error {}

/** An edit's failure as the one line a user sees (any other error as it is). */
export function fileEditError(error: unknown, label: string): unknown {
  if (!(error instanceof JsonEditError)) return error;
  return new VaultError('FILE_ERROR', `${label} cannot be edited safely (${error.message}); it was left untouched.`);
}

/**
 * The property `path[depth]` of `object`, or undefined. A key written twice is refused: clients read the last one,
 * and an edit of one of them could leave the other in force.
 */
function propertyOf(object: Node, path: JsonPath, depth: number): Node | undefined {
  const props = object.children?.filter((p) => p.children?.[0]?.value === path[depth]) ?? [];
  if (props.length > 1) throw new JsonEditError(`${path.slice(0, depth + 1).join('.')} is written more than once`);
  return props[0];
}

/** The property at `path`, or undefined when the path is not there. */
function propertyAt(root: Node, path: JsonPath): Node | undefined {
  let object: Node | undefined = root;
  let prop: Node | undefined;
  for (let i = 0; i < path.length && object?.type === 'object'; i++) {
    prop = propertyOf(object, path, i);
    if (!prop || i === path.length - 1) return prop;
    object = prop.children?.[1];
  }
  return undefined;
}

/** One edit on the text; the path's parent objects are created as needed, a path that is not there is no removal. */
function applyOne(text: string, edit: JsonEdit): string {
  const body = parseable(text);
  const root = parseTree(body, [], PARSE_OPTIONS);
  if (!root || root.type !== 'object') throw new JsonEditError('it does not hold a JSON object');
  const style = styleOf(text);
  if ('remove' in edit) {
    const prop = propertyAt(root, edit.remove);
    return prop ? applyEdits(text, removalEdits(body, prop)) : text;
  }
  const path = edit.set;
  let object = root;
  for (let i = 0; i < path.length; i++) {
    const prop = propertyOf(object, path, i);
    const valueNode = prop?.children?.[1];
    if (!valueNode) {
      // Absent from here on: one property holding the rest of the path.
      const nested = path.slice(i + 1).reduceRight<unknown>((inner, key) => ({ [key]: inner }), edit.value);
      return applyEdits(text, insertionEdits(body, object, path[i]!, nested, style));
    }
    if (i === path.length - 1) return applyEdits(text, [replacementEdit(body, valueNode, edit.value, style)]);
    if (valueNode.type !== 'object') throw new JsonEditError(`${path.slice(0, i + 1).join('.')} is not an object`);
    object = valueNode;
  }
  throw new JsonEditError('an empty path cannot be set');
}

/** The text with each edit made in turn. The result must parse; an edit that would break the file throws. */
export function editJson(text: string, edits: readonly JsonEdit[]): string {
  let next = text;
  for (const edit of edits) next = applyOne(next, edit);
  if (!parseJsonc(next).ok) throw new JsonEditError('the edit would leave it unreadable');
  return next;
}
