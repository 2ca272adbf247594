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
  | 'stale-export';

export interface Finding {
  kind: FindingKind;
  message: string;
  /** What --repair does about it; null when it needs the user (e.g. a lost secret). */
  repair: string | null;
  keyId?: string;
  file?: string;
}

export interface DoctorReport {
  findings: Finding[];
  /** What was repaired (with --repair). */
  repaired: string[];
  checked: { keys: number; secrets: number; exports: number };
}
