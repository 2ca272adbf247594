import type { ModeChange } from './exports';

/** The metadata of a key. The secret itself is never part of it: it lives only in the OS keychain. */
export interface KeyRecord {
  /** 16 lowercase hex characters, random, stable for the key's whole life (rotation included). */
  id: string;
  name: string;
  description: string;
  owner: string;
  permissions: string[];
  metadata: Record<string, string>;
  source: KeySource;
  /** e.g. `mcp_sk_`; '' when an imported key has no recognisable prefix. */
  prefix: string;
  /** The last 4 characters of the secret, for display. */
  fingerprint: string;
  createdAt: string;
  /** null = never expires. */
  expiresAt: string | null;
  revokedAt: string | null;
  rotatedAt: string | null;
  lastUsedAt: string | null;
  usageCount: number;
  /** How the key is sent over HTTP, for the `header` copy format; absent = `bearer` (`Authorization: Bearer <key>`). */
  httpHeader?: HttpHeaderStyle;
}

/** `bearer`: `Authorization: Bearer <key>`; `x-api-key`: `X-API-Key: <key>`; `apikey`: `Authorization: ApiKey <key>`. */
export type HttpHeaderStyle = 'bearer' | 'x-api-key' | 'apikey';

export type KeySource = 'generated' | 'imported';

export type KeyStatus = 'active' | 'expired' | 'revoked';

/** A record as shown to users: the stored fields plus what is derived from them (never stored). */
export interface KeyView extends KeyRecord {
  status: KeyStatus;
  expiringSoon: boolean;
  /** Set by the key list (keys:list) when the key is not revoked but the OS keychain holds no value for it. */
  secretMissing?: true;
}

/** A key together with its secret: returned only by create, rotate and reveal. */
export interface KeyWithSecret extends KeyView {
  secret: string;
}

/** What a user gives to create a key. */
export interface CreateKeyInput {
  name: string;
  description?: string;
  owner?: string;
  permissions?: string[];
  metadata?: Record<string, string>;
  /** Days from now; 0 = never. Default 90. Ignored when `expiresAt` is given. */
  expiresInDays?: number;
  /** An exact expiry (ISO 8601), or null for never. */
  expiresAt?: string | null;
  prefix?: string;
  /** An existing secret to import instead of generating one. */
  importSecret?: string;
  httpHeader?: HttpHeaderStyle;
}

/** What a user may change on an existing key. Absent fields stay as they are. */
export interface EditKeyInput {
  name?: string;
  description?: string;
  owner?: string;
  permissions?: string[];
  metadata?: Record<string, string>;
  expiresInDays?: number;
  expiresAt?: string | null;
  httpHeader?: HttpHeaderStyle;
}

export interface EnvWriteResult {
  file: string;
  changed: string[];
  /** Present when the write took group and other access away from the file (it holds a secret now). */
  tightened?: ModeChange;
}

export type ActivityType =
  | 'created'
  | 'imported'
  | 'revealed'
  | 'copied'
  | 'exported'
  /** Handed to a command's environment by `mcpkv run`; the detail is the command's name, never its arguments. */
  | 'injected'
  | 'rotated'
  | 'revoked'
  | 'deleted'
  | 'edited';

/** One entry of the activity log: what happened to which key, when. Never a secret. */
export interface ActivityEvent {
  type: ActivityType;
  keyId: string;
  /** The key's name at the time, so history stays readable after a delete or rename. */
  keyName: string;
  at: string;
  /** e.g. the file written for `exported`, the copy format for `copied`. */
  detail?: string;
}

export interface VaultStatus {
  /** false when the OS keychain cannot be reached: the app is then read-only. */
  keychainAvailable: boolean;
  /** What to install or start when the keychain is unavailable. */
  keychainHelp: string | null;
  storePath: string;
  keyCount: number;
  /** What opening the vault had to mend (a broken vault file set aside, an interrupted operation finished). */
  notices: string[];
}

export interface CopyResult {
  /** When the clipboard will be cleared (ISO 8601), or null if it is kept. */
  clearsAt: string | null;
  /** The clear time this copy got (the `clipboardClearSeconds` setting), in seconds; null = never. */
  clearAfterSeconds: number | null;
}

/** A copied key still waiting to be cleared, for the countdown toast. */
export interface ClipboardStatus {
  clearsAt: string;
  secondsLeft: number;
}
