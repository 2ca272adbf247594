/**
 * MCP clients: the servers configured in Claude Desktop, Claude Code, Cursor, VS Code, Windsurf and Zed, the
 * credential slots in them (an `env` variable of a stdio server, a header of a remote one) and their states.
 * Pure types and helpers shared by the core, the CLI and the renderer. No value of a config file crosses into the
 * renderer: a slot shows at most a masked fingerprint (`mcp_sk_…ab12`).
 */

export const MCP_CLIENT_IDS = ['claude-desktop', 'claude-code', 'cursor', 'vscode', 'windsurf', 'zed'] as const;
export type McpClientId = (typeof MCP_CLIENT_IDS)[number];

export const MCP_CLIENT_NAMES: Record<McpClientId, string> = {
  'claude-desktop': 'Claude Desktop',
  'claude-code': 'Claude Code',
  cursor: 'Cursor',
  vscode: 'VS Code',
  windsurf: 'Windsurf',
  zed: 'Zed',
};

/**
 * `user`: the client's own file in the home folder. `project`: a file in a project folder the vault knows
 * (`.mcp.json`, `.cursor/mcp.json`, `.vscode/mcp.json`, `.zed/settings.json`). `local`: Claude Code's per-project
 * section of `~/.claude.json` (`projects.<path>.mcpServers`).
 */
export type McpScope = 'user' | 'project' | 'local';

/** One config file (or, for Claude Code's local scope, one project's section of `~/.claude.json`). */
export interface McpConfigView {
  /** Opaque, stable id main gives the config (client, scope and project): the only way the renderer names it. */
  id: string;
  client: McpClientId;
  scope: McpScope;
  /** Absolute path of the file. */
  file: string;
  /** The project folder, for project and local scope. */
  projectPath: string | null;
  exists: boolean;
  /** One line when the file cannot be read or does not parse; its servers are then not listed and it is never written. */
  error: string | null;
  serverCount: number;
}

/**
 * How a server is connected to the vault:
 * - `plain`: as the client wrote it (values, if any, in the file);
 * - `launcher`: a stdio server started through `mcpkv run --key <id>=<VAR> -- <original command>` (no secret in the file);
 * - `proxy`: a remote server reached through `mcpkv run … -- mcpkv mcp proxy <url>`, which adds the header (no secret in the file).
 * A header written into the config (the header form) is a `plain` server whose slot is tracked.
 */
export type McpServerForm = 'plain' | 'launcher' | 'proxy';

/** How a vault key reaches a slot: the launcher and the proxy keep it out of the file; the header form writes it in. */
export type McpConnectionForm = 'launcher' | 'header' | 'proxy';

export type McpSlotKind = 'env' | 'header';

/** What a slot holds. A value is never part of it: `masked` is what the vault shows of a key (`mcp_sk_…ab12`, or `••••`). */
export type McpSlotState =
  /** A vault key reaches this slot: through the launcher or proxy, or written as a tracked header. */
  | { state: 'connected'; keyId: string; keyName: string; form: McpConnectionForm }
  /** A plaintext value equal to a vault key's value, not tracked yet. */
  | { state: 'vault-value'; keyId: string; keyName: string; masked: string }
  /** A plaintext value that looks like a key (known prefix, or a key-like name such as *_API_KEY / Authorization). */
  | { state: 'plaintext-key'; masked: string }
  /** A plaintext value that does not look like a key (a URL, a region, a flag). */
  | { state: 'plaintext'; masked: string }
  | { state: 'empty' }
  /** A placeholder the client expands itself (`${input:…}`, `${env:…}`, `${VAR}`): never replaced by a value. */
  | { state: 'placeholder'; placeholder: string };

export type McpSlot = { kind: McpSlotKind; name: string } & McpSlotState;

export interface McpServerView {
  configId: string;
  client: McpClientId;
  scope: McpScope;
  file: string;
  projectPath: string | null;
  /** The server's name (its key in the client's servers object). */
  name: string;
  transport: 'stdio' | 'http' | 'sse';
  form: McpServerForm;
  /** stdio: the command the client runs, or under the launcher/proxy the original one; any key-like argument masked. */
  command: string | null;
  args: string[];
  /** Remote (or proxied): the server's URL. */
  url: string | null;
  slots: McpSlot[];
}

/** One place a vault key was connected to a client's server, so rotation, revoke, delete and doctor can follow it. */
export interface McpConnectionRecord {
  keyId: string;
  client: McpClientId;
  /** Absolute path of the config file. */
  file: string;
  /** The JSON path of the server's object in the file, e.g. ['mcpServers', 'github'] or ['projects', '/home/me/app', 'mcpServers', 'x']. */
  serverPath: string[];
  server: string;
  slot: { kind: McpSlotKind; name: string };
  form: McpConnectionForm;
  at: string;
  /** The proxy form: the property that held the server's URL before (`url`, or Windsurf's `serverUrl`), written back when it is undone. */
  urlKey?: McpUrlKey;
}

export type McpUrlKey = 'url' | 'serverUrl';

/** A slot named as the renderer and the CLI name it. */
export interface McpSlotRef {
  configId: string;
  server: string;
  slot: { kind: McpSlotKind; name: string };
}

/** A plaintext value that looks like a key, or one equal to a vault key's: what import takes into the keychain. */
export function holdsPlaintextKey(slot: McpSlotState): boolean {
  return slot.state === 'plaintext-key' || slot.state === 'vault-value';
}

/** A variable a key is passed in (an `env` slot, the launcher's `--key <id>=<VAR>`): a letter or _, then letters, digits and _. */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const VARIABLE_NAME_RULE = 'Variable name must start with a letter or _ and use only letters, digits and _';

/** An HTTP header name (an RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~). */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const HEADER_NAME_RULE = "Header name may use only letters, digits and !#$%&'*+.^_`|~- (an HTTP header name)";

/** The variable the proxy form hands the key to `mcpkv mcp proxy` in (through `mcpkv run`, never an argument). */
export const PROXY_KEY_VAR = 'MCPKV_PROXY_KEY';

/** A placeholder a client expands itself: `${input:id}`, `${env:NAME}`, `${NAME}`, `${NAME:-default}`, `${userHome}`… */
export const CLIENT_PLACEHOLDER = /\$\{[^}]+\}/;

/**
 * A change to one server's config, previewed first (`mcp:preview`, `--dry-run`) and then applied (`mcp:apply`):
 * - `import`: the slot's plaintext value becomes a vault key (named from client, server and variable unless `name`
 *   is given; marked imported; a value already in the vault is linked instead), then the server is connected to it;
 * - `connect`: a vault key is connected to the slot, in `form` (default: launcher for stdio, proxy for remote);
 * - `disconnect`: the server goes back to its plain form, without the key, or with its value written back (`writeValue`).
 * The value moves between the file and the keychain inside main or the CLI, never through the renderer.
 */
export type McpChange =
  | { action: 'import'; ref: McpSlotRef; name?: string; form?: McpConnectionForm }
  | { action: 'connect'; ref: McpSlotRef; keyId: string; form?: McpConnectionForm }
  | { action: 'disconnect'; ref: McpSlotRef; keyId: string; writeValue?: boolean };

export interface McpChangePreview {
  file: string;
  /** The server's part of the file before → after, every value masked (`"API_KEY": "mcp_sk_…ab12"`); other lines unchanged are not listed. */
  diff: { kind: 'added' | 'removed' | 'same'; text: string }[];
  /** The form the slot ends up in. */
  form: McpConnectionForm | 'plain';
  /** The file will hold a key in plain text afterwards (header form, or disconnect with `writeValue`). */
  holdsSecret: boolean;
}

export interface McpChangeResult {
  file: string;
  server: string;
  form: McpConnectionForm | 'plain';
  keyId: string;
  /** Present when the write took group and other access away from the file (it holds a secret now). */
  tightened?: { was: string; now: string };
}

/** A key's connections, for its "Used in" beside its .env files. */
export interface McpConnectionView extends McpConnectionRecord {
  configId: string;
  scope: McpScope;
  projectPath: string | null;
}
