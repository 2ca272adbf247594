/** Pure facts about key strings: prefixes, masking, fingerprints. Generation lives in the core (node:crypto). */

export const DEFAULT_PREFIX = 'mcp_sk_';

/** Prefixes we recognise in imported keys, longest first so `mcp_sk_` wins over `mcp_`. */
export const KNOWN_PREFIXES = ['mcp_sk_', 'pmcp_', 'sk-proj-', 'sk-ant-', 'ghp_', 'xoxb-', 'mcp_', 'sk-'] as const;

/** Scopes from the seed documents, offered as presets; any other `[a-z0-9:_.-]` scope is accepted too. */
export const PRESET_SCOPES = [
  'read',
  'write',
  'completions:create',
  'chats:create',
  'models:read',
  'contexts:read',
  'contexts:write',
  'files:read',
  'files:write',
] as const;

export const SCOPE_PATTERN = /^[a-z0-9:_.-]{1,64}$/;
export const PREFIX_PATTERN = /^[A-Za-z0-9_-]{0,16}$/;
export const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

/**
 * The shortest key value the vault imports, and the least a value must have beyond what its record shows: a
 * record shows at most a known prefix and 4 characters of a value at least this long.
 */
export const MIN_SECRET_LENGTH = 16;
const FINGERPRINT_LENGTH = 4;

/** The known prefix `secret` starts with, or ''. What a record shows is `shownPrefix`. */
export function detectPrefix(secret: string): string {
  return KNOWN_PREFIXES.find((prefix) => secret.startsWith(prefix)) ?? '';
}

/**
 * The prefix a record of an imported `secret` shows: a known prefix, and only when at least MIN_SECRET_LENGTH
 * characters follow it (so the prefix and the fingerprint together never give away much of a short value).
 */
export function shownPrefix(secret: string): string {
  const prefix = detectPrefix(secret);
  return secret.length - prefix.length >= MIN_SECRET_LENGTH ? prefix : '';
}

/** The last 4 characters, for display and matching; '' for a value shorter than MIN_SECRET_LENGTH (imported before it was required). */
export function fingerprintOf(secret: string): string {
  return secret.length >= MIN_SECRET_LENGTH ? secret.slice(-FINGERPRINT_LENGTH) : '';
}

/** `mcp_sk_…ab12`: what lists show instead of a secret (`••••` when the record shows no fingerprint). */
export function maskKey(record: { prefix: string; fingerprint: string }): string {
  return record.fingerprint ? `${record.prefix}…${record.fingerprint}` : `${record.prefix}••••`;
}

/** Could this text be a key pasted by mistake? Then it is never echoed in a message. */
export function looksLikeSecret(text: string): boolean {
  return text.length > 40 || KNOWN_PREFIXES.some((prefix) => text.startsWith(prefix));
}
