/**
 * Projects and exports: where keys were written. Pure types and helpers shared by main and renderer.
 * The renderer names projects and files by id and file name only; main resolves every path.
 */
import { fingerprintOf, maskKey, shownPrefix } from './key-format';
import type { McpClientId, McpConnectionForm } from './mcp';

export interface ProjectRecord {
  id: string;
  name: string;
  /** The folder's real path, as the user chose it. */
  path: string;
  addedAt: string;
}

/** One place a key was written to. */
export interface ExportRecord {
  keyId: string;
  /** Absolute path of the .env file. */
  file: string;
  variable: string;
  /** The project the file belongs to, when it was written through one (the CLI may write anywhere). */
  projectId: string | null;
  at: string;
  /**
   * 'reference': the variable holds `mcpkv://<keyId>`, not the key (`mcpkv use --reference`); the file holds no
   * secret, and rotation leaves it as it is. Absent: the key's value (every record written before references).
   */
  form?: 'reference';
}

/** `nothing-to-rewrite`: an MCP server started through the launcher or the proxy reads the key from the vault itself. */
export type ExportOutcome = 'updated' | 'unchanged' | 'reference' | 'nothing-to-rewrite' | 'missing' | 'changed-by-hand' | 'removed' | 'failed';

/** What happened to one recorded file (a .env file, or an MCP client's config) when its key was rotated, revoked or deleted. */
export interface ExportReport {
  file: string;
  /** The .env variable, or the MCP server's slot (its env variable or header). */
  variable: string;
  outcome: ExportOutcome;
  /**
   * `reference`: the .env file holds a reference to the key (mcpkv://<id>), not its value. For an MCP client's
   * config: how the key reaches the server (the launcher, the proxy, or the header written in).
   */
  form?: 'reference' | McpConnectionForm;
  /** An MCP client's config: the client and the server whose slot it is. */
  client?: McpClientId;
  server?: string;
  /** Where the server is in its file: two servers of one name (user and local in ~/.claude.json) are two. */
  serverPath?: string[];
  /** Words for the user (why it failed, what to do); never a value. */
  message?: string;
}

/** A file's permissions before and after a write took group and other access away, as octal digits. */
export interface ModeChange {
  was: string;
  now: string;
}

/** What the user is told when a write tightened a file: "`.env` was 644, now 600…". */
export function describeModeChange(fileName: string, change: ModeChange): string {
  return `${fileName} was ${change.was}, now ${change.now}: other users could read it, now only you can.`;
}

/** What `exports:write` answers: the variables written, the file's git state, and a mode it tightened. */
export interface ProjectWriteResult {
  fileName: string;
  changed: string[];
  git: GitState;
  tightened?: ModeChange;
}

export interface GitState {
  /** false when the project is not a git repository (nothing to warn about). */
  repo: boolean;
  ignored: boolean;
  tracked: boolean;
}

export interface EnvFileView {
  /** The file's name inside the project, e.g. `.env.local`: the only way the renderer names it. */
  name: string;
  size: number;
  git: GitState;
}

export interface ProjectView extends ProjectRecord {
  /** false if the folder is gone or unreadable. */
  available: boolean;
}

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

export interface ExportPreview {
  fileName: string;
  exists: boolean;
  /** Variables the write would add or change. */
  changed: string[];
  /**
   * The whole file before → after, line by line, with no value of the file in it: `NAME=••••` for every value
   * (the keys this write puts in as the vault shows them, `mcp_sk_…ab12`), comments as `# …`.
   */
  diff: DiffLine[];
  git: GitState;
  /** Other vault keys the write would overwrite, by variable: the user is asked before it replaces them. */
  replaces: ReplacedKey[];
}

/** A vault key that a variable holds now and a write would overwrite. */
export interface ReplacedKey {
  variable: string;
  keyId: string;
  keyName: string;
}

export interface ExportView extends ExportRecord {
  projectName: string | null;
  /** The file's name inside its project, or its full path when written outside any project. */
  fileLabel: string;
}

export interface ScanCandidate {
  fileName: string;
  variable: string;
  /** `sk-…ab12`: the renderer never sees a found value. */
  masked: string;
  suggestedName: string;
  /** The vault key holding this very value, if any (it is then linked, not imported twice). */
  existingKeyId: string | null;
}

/** `mcp_sk_…ab12` for any value, as a key record would show it: `••••` for a short one. */
export function maskSecret(value: string): string {
  return maskKey({ prefix: shownPrefix(value), fingerprint: fingerprintOf(value) });
}

/** The variable a key is written under when none is chosen (and the default of the `defaultEnvVar` setting). */
export const DEFAULT_ENV_VAR = 'MCP_API_KEY';

/** Written as `API_KEY_REQUIRED=true` beside the keys (unless the user opts out): the vault sets it, no key may take its name. */
export const REQUIREMENT_VAR = 'API_KEY_REQUIRED';

/** File names the app offers and writes in a project: `.env` and `.env.<something>`, nothing with a path in it. */
export const ENV_FILE_NAME = /^\.env(\.[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63})?$/;
