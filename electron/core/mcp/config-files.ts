/**
 * Reading and writing a client's config file: the one way the vault writes files (env-writer.ts over
 * contained-file.ts) — a regular UTF-8 file of this user, reached by no link that leads out of its folder,
 * replaced atomically; left readable by its owner only when it receives a secret (the header form, a value written
 * back). A write is refused when the file changed since it was read: the client (or the user) wrote it meanwhile,
 * and our edit was made on the text we read.
 */
import { VaultError } from '../../../shared/errors';
import type { ModeChange } from '../../../shared/exports';
import { applyEnvFile, readEnvFile } from '../env-writer';

const KIND = 'an MCP client config';
/** `~/.claude.json` also keeps Claude Code's history of every project: larger than a .env file may be. */
const MAX_CONFIG_BYTES = 32 * 1024 * 1024;

/**
 * The file's text, or null when it does not exist. `followLinks`: read through a link wherever it leads (a user's
 * own config kept in a dotfiles folder); writes never follow one out of the folder.
 */
export function readConfigText(file: string, followLinks = false): Promise<string | null> {
  return readEnvFile(file, { maxBytes: MAX_CONFIG_BYTES, kind: KIND, followLinks });
}

export interface ConfigWrite {
  /** The text the edit was made on: the file must still hold exactly this. */
  expected: string;
  next: string;
  /** The file holds a key afterwards: it ends up owner-only. */
  secret: boolean;
  /** How messages name the file (`~/.cursor/mcp.json`). */
  label: string;
}

export async function writeConfigText(file: string, write: ConfigWrite): Promise<{ tightened?: ModeChange }> {
  const written = await applyEnvFile(
    file,
    (latest) => {
      if (latest !== write.expected) throw new VaultError('CONFLICT', `${write.label} changed since it was read; nothing was written. Try again.`);
      return { text: write.next, changed: [] };
    },
    { maxBytes: MAX_CONFIG_BYTES, kind: KIND, secret: write.secret },
  );
  return written.tightened ? { tightened: written.tightened } : {};
}
