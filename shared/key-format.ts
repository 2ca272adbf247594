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

export function detectPrefix(secret: string): string {
  return KNOWN_PREFIXES.find((prefix) => secret.startsWith(prefix)) ?? '';
}

export function fingerprintOf(secret: string): string {
  return secret.slice(-4);
}

/** `mcp_sk_…ab12`: what lists show instead of a secret. */
export function maskKey(record: { prefix: string; fingerprint: string }): string {
  return `${record.prefix}…${record.fingerprint}`;
}

/** Could this text be a key pasted by mistake? Then it is never echoed in a message. */
export function looksLikeSecret(text: string): boolean {
  return text.length > 40 || KNOWN_PREFIXES.some((prefix) => text.startsWith(prefix));
}
