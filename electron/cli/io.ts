/** What each command's register() gets from mcpkv.ts: where to write, and the vault session. */
import type { Output } from './respond';
import type { VaultSession } from './session';

export interface CliIo extends Output {
  /** The vault, opened by the first command action that asks for it. */
  session: VaultSession;
}
