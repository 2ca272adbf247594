/**
 * What a slot's value is, without the vault: empty, a placeholder the client expands itself, a value that looks
 * like a key, or another value; and how values are shown (masked, never as they are). Pure.
 */
import { maskSecret } from '../../../shared/exports';
import { detectPrefix, looksLikeSecret, MIN_SECRET_LENGTH } from '../../../shared/key-format';
import { CLIENT_PLACEHOLDER, type McpSlotKind, type McpSlotState } from '../../../shared/mcp';
import { parseKeyArg } from '../../../shared/mcp-launcher';
import { looksLikeKey } from '../exports/preview';

/** Header names that carry a credential: Authorization, and names ending in key, token or secret (X-API-Key). */
const KEY_HEADER = /^(proxy-)?authorization$|(api[-_]?key|[-_]key|token|secret)$/i;

/** Does a header's name say it carries a credential (Authorization, X-API-Key, *-Token, *-Secret)? */
export function credentialHeader(name: string): boolean {
  return KEY_HEADER.test(name);
}

/** Flags and names of arguments whose value is a credential (`--api-key X`, `--token=X`, `-e API_KEY=X`). */
const KEY_WORD = /(api[-_]?key|[-_]key|token|secret|password|passwd|auth)$/i;

/** `Bearer abc` → scheme `Bearer`, token `abc`; a value without a scheme is all token. */
export function headerToken(value: string): { scheme: string | null; token: string } {
  const match = /^([A-Za-z][\w-]*)\s+(\S+)$/.exec(value.trim());
  return match ? { scheme: match[1]!, token: match[2]! } : { scheme: null, token: value };
}

/** The credential in a slot's value: a header's token, an env variable's whole value. */
export function secretIn(kind: McpSlotKind, value: string): string {
  return kind === 'header' ? headerToken(value).token : value;
}

/** A placeholder as it may be shown: `${input:token}` as it is, `${API_KEY:-…}` without its default (which can be a key). */
function shownPlaceholder(placeholder: string): string {
  const withDefault = /^\$\{([^}:]+):-.*\}$/.exec(placeholder);
  return withDefault ? `\${${withDefault[1]}:-…}` : placeholder;
}

/** The first placeholder in a value, as it may be shown (see shownPlaceholder). */
export function placeholderIn(value: string): string | null {
  const match = CLIENT_PLACEHOLDER.exec(value)?.[0];
  return match === undefined ? null : shownPlaceholder(match);
}

/** Could the slot's name or value be a key (a key-like name, a known prefix)? */
export function looksLikeKeySlot(kind: McpSlotKind, name: string, value: string): boolean {
  if (kind === 'env') return looksLikeKey(name, value);
  return KEY_HEADER.test(name) || detectPrefix(secretIn(kind, value)) !== '';
}

/** The slot's state as far as the value itself tells (the vault's keys are looked at by the caller). */
export function plainState(kind: McpSlotKind, name: string, value: string): McpSlotState {
  if (value.trim() === '') return { state: 'empty' };
  const placeholder = placeholderIn(value);
  if (placeholder !== null) return { state: 'placeholder', placeholder };
  const masked = maskSecret(secretIn(kind, value));
  return looksLikeKeySlot(kind, name, value) ? { state: 'plaintext-key', masked } : { state: 'plaintext', masked };
}

/**
 * A value as a preview shows it: a header's scheme, every placeholder as it is (without a default), and everything
 * else masked — the text between placeholders too (`${HOST}:<key>`), but for the separators around it (`:`, `/`).
 */
export function shownValue(kind: McpSlotKind, value: string): string {
  if (value === '') return '';
  const { scheme, token } = kind === 'header' ? headerToken(value) : { scheme: null, token: value };
  const placeholders = new RegExp(CLIENT_PLACEHOLDER.source, 'g');
  let shown = '';
  let from = 0;
  const literal = (text: string) => {
    const [, before, core, after] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(text)!;
    return core ? `${before}${maskSecret(core)}${after}` : text;
  };
  for (const match of token.matchAll(placeholders)) {
    shown += literal(token.slice(from, match.index)) + shownPlaceholder(match[0]);
    from = match.index + match[0].length;
  }
  shown += from === 0 ? maskSecret(token) : literal(token.slice(from));
  return `${scheme ? `${scheme} ` : ''}${shown}`;
}

function isPath(text: string): boolean {
  return /[\\/]/.test(text) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/** Could this argument be a key by itself: a known prefix, or a long opaque token that is no path or URL? */
function keyLikeArgument(arg: string): boolean {
  return detectPrefix(arg) !== '' || (looksLikeSecret(arg) && !/\s/.test(arg) && !isPath(arg) && !/^[a-z][a-z0-9+.-]*:/i.test(arg));
}

const HIDDEN = '••••';

/** A part of a URL (a path segment, the user name) that is a key: long enough, and key-like as an argument would be. */
function keyLikePart(part: string): boolean {
  let decoded = part;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    // not percent-encoded as it should be: judged as written
  }
  return decoded.length >= MIN_SECRET_LENGTH && keyLikeArgument(decoded);
}

function keyQuery(name: string): boolean {
  return KEY_WORD.test(name) || name.toLowerCase() === 'key';
}

/** A URL with its password, a key-like user name or path segment (`/mcp/sk-ak-…/sse`) and key-like query values hidden. */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return keyLikeArgument(url) ? maskSecret(url) : url;
  }
  const segments = parsed.pathname.split('/');
  const keyInPath = segments.some(keyLikePart);
  const keyAsUser = keyLikePart(parsed.username);
  if (!parsed.password && !keyAsUser && !keyInPath && ![...parsed.searchParams.keys()].some(keyQuery)) return url;
  if (parsed.password) parsed.password = HIDDEN;
  if (keyAsUser) parsed.username = HIDDEN;
  if (keyInPath) parsed.pathname = segments.map((segment) => (keyLikePart(segment) ? HIDDEN : segment)).join('/');
  for (const key of [...parsed.searchParams.keys()]) {
    if (keyQuery(key)) parsed.searchParams.set(key, HIDDEN);
  }
  return parsed.toString();
}

/**
 * Arguments as a view shows them: every one that could be a credential masked — a known prefix or long opaque
 * token, the value after a key-like flag (`--api-key X`, `--token=X`), `NAME=value` with a key-like name, a header
 * `Name: value` (the proxy's `--extra-header`, mcp-remote's `--header`), a URL's password or key-like query.
 */
export function maskArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    const previous = i > 0 ? args[i - 1]! : '';
    // The launcher's `--key <id>=<VAR>` names a key and a variable: no secret.
    if (previous === '--key' && parseKeyArg(arg)) return arg;
    const header = /^([\w-]+):\s*(.*)$/.exec(arg);
    if (header && (previous === '--extra-header' || previous === '--header' || KEY_HEADER.test(header[1]!))) {
      return `${header[1]}: ${shownValue('header', header[2]!)}`;
    }
    if (/^--?[\w-]+$/.test(previous) && KEY_WORD.test(previous) && previous !== '--header') return shownValue('env', arg);
    const assignment = /^(--?[\w-]+|[A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(arg);
    if (assignment && (KEY_WORD.test(assignment[1]!) || looksLikeKey(assignment[1]!, assignment[2]!) || keyLikeArgument(assignment[2]!))) {
      return `${assignment[1]}=${shownValue('env', assignment[2]!)}`;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return maskUrl(arg);
    return keyLikeArgument(arg) ? maskSecret(arg) : arg;
  });
}
