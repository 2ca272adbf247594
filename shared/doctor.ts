/** What `mcpkv doctor` and the app's "Check the vault" report. */
export type FindingKind =
  | 'orphan-secret'
  | 'missing-secret'
  | 'fingerprint-mismatch'
  | 'revealing-record'
  | 'revoked-secret-left'
  | 'unfinished-rotation'
  | 'bad-record'
  | 'file-mode'
  | 'stale-export'
  /** An MCP client's server starts with (or sends) a key the vault no longer has. */
  | 'mcp-key-gone'
  /** …or a key that is revoked or expired. */
  | 'mcp-key-inactive'
  /** A recorded connection whose slot no longer holds the key (changed by hand, the server or file gone). */
  | 'mcp-stale-connection'
  /** A key sitting in an MCP client's config in plain text (a key-like value, or a vault key's value). */
  | 'mcp-plaintext-key';

export interface Finding {
  kind: FindingKind;
  message: string;
  /** What --repair does about it; null when it needs the user (e.g. a lost secret). */
  repair: string | null;
  keyId?: string;
  file?: string;
  /** An MCP client's server and its slot (env variable or header), for the mcp-* kinds. */
  server?: string;
  slot?: string;
  /** Where exactly, for the mcp-* kinds: the server's JSON path in the file (a name can be in several sections) and the slot's kind. */
  serverPath?: string[];
  slotKind?: 'env' | 'header';
}

export interface DoctorReport {
  findings: Finding[];
  /** What was repaired (with --repair). */
  repaired: string[];
  checked: { keys: number; secrets: number; exports: number; mcpServers?: number };
}
