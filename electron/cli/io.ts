/** What command modules get from mcpkv.ts: the vault (opened on first use) and its output helpers. */
import type { Vault } from '../core/vault';

export interface CliIo {
  vault(): Vault;
  /** A line on stdout. */
  out(text: string): void;
  /** A line on stderr (notes, never data). */
  note(text: string): void;
  /** Exactly one JSON value on stdout. */
  printJson(value: unknown): void;
}
