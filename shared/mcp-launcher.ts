/**
 * The launcher form of an MCP server in a client's config, built and recognised in one place:
 *
 *   command: <launcher.command>
 *   args:    [...launcher.args, 'run', '--key', '<id>=<VAR>', …, '--', <original command>, ...<original args>]
 *
 * and the proxy form of a remote server, whose original command is the launcher itself running the proxy:
 *
 *   [...launcher.args, 'run', '--key', '<id>=MCPKV_PROXY_KEY', '--', launcher.command, ...launcher.args,
 *    'mcp', 'proxy', <url>, '--header', <name>, ['--scheme', <scheme>], ['--transport', 'sse'], ['--extra-header', 'Name: value']…]
 *
 * The launcher is an absolute command that exists without the user's shell PATH (a GUI client does not have it):
 * Node plus the CLI's bundle from a source install, or the app's own executable with `--mcpkv-cli` from the
 * packaged app (whose RunAsNode fuse is off). Everything the form needs to go back to the plain form is in the
 * file itself, so disconnect needs no other record.
 */
import { VARIABLE_NAME_PATTERN } from './mcp';

export interface LauncherCommand {
  /** Absolute path of the executable. */
  command: string;
  /** What comes before the CLI's own arguments: the bundle's path, or `--mcpkv-cli` (and the app path when unpackaged). */
  args: string[];
}

/** The flag that makes the app's executable run the CLI instead of opening a window. */
export const CLI_FLAG = '--mcpkv-cli';

export interface LauncherKey {
  keyId: string;
  variable: string;
}

export interface LaunchedCommand {
  launcher: LauncherCommand;
  keys: LauncherKey[];
  command: string;
  args: string[];
}

export interface ProxyOptions {
  url: string;
  /** The header the key goes into, e.g. `Authorization` or `X-API-Key`. */
  header: string;
  /** `Bearer` / `ApiKey`, or null for the bare key. */
  scheme: string | null;
  transport: 'http' | 'sse';
  /**
   * The server's other headers, as `Name: value`: on the command line, so never a key, a placeholder the client would
   * expand into one, or a credential-like name (the proxy form is refused then; the header form keeps them in the file).
   */
  extraHeaders: string[];
}

const CLI_ENTRY = /(^|[\\/])mcpkv(\.m?js|\.cmd|\.exe)?$/i;

/** Is `file` the CLI's entry (`…/bin/mcpkv.js`, `…/out/cli/mcpkv.js`, an `mcpkv` on PATH)? */
export function isCliEntry(file: string): boolean {
  return CLI_ENTRY.test(file);
}

/** The arguments for one `--key`: `<id>=<VAR>`. */
function keyArg({ keyId, variable }: LauncherKey): string {
  return `${keyId}=${variable}`;
}

/** One `--key` argument read back (`<id>=<VAR>`: an id without blanks, a variable name), or null. */
export function parseKeyArg(value: string): LauncherKey | null {
  const at = value.indexOf('=');
  const keyId = value.slice(0, at);
  const variable = value.slice(at + 1);
  return at > 0 && !/[\s]/.test(keyId) && VARIABLE_NAME_PATTERN.test(variable) ? { keyId, variable } : null;
}

export function buildLaunched(launched: LaunchedCommand): { command: string; args: string[] } {
  return {
    command: launched.launcher.command,
    args: [...launched.launcher.args, 'run', ...launched.keys.flatMap((k) => ['--key', keyArg(k)]), '--', launched.command, ...launched.args],
  };
}

/** Where the CLI's own arguments start in a launcher's args, or -1 when the command is not ours. */
function cliStart(command: string, args: readonly string[]): number {
  if (CLI_ENTRY.test(command)) return 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === CLI_FLAG || CLI_ENTRY.test(args[i]!)) return i + 1;
  }
  return -1;
}

/** The launcher form read back from a config's command and args, or null when it is not one (any other option refuses it). */
export function parseLaunched(command: string, args: readonly string[]): LaunchedCommand | null {
  const start = cliStart(command, args);
  if (start < 0 || args[start] !== 'run') return null;
  const keys: LauncherKey[] = [];
  let i = start + 1;
  while (i < args.length && args[i] !== '--') {
    const value = args[i] === '--key' ? args[i + 1] : undefined;
    const key = value === undefined ? null : parseKeyArg(value);
    if (!key) return null;
    keys.push(key);
    i += 2;
  }
  if (args[i] !== '--' || i + 1 >= args.length || keys.length === 0) return null;
  return { launcher: { command, args: args.slice(0, start) }, keys, command: args[i + 1]!, args: args.slice(i + 2) };
}

export function proxyArgs(launcher: LauncherCommand, options: ProxyOptions, variable: string): string[] {
  return [
    ...launcher.args,
    'mcp',
    'proxy',
    options.url,
    '--header',
    options.header,
    ...(options.scheme ? ['--scheme', options.scheme] : []),
    ...(options.transport === 'sse' ? ['--transport', 'sse'] : []),
    ...options.extraHeaders.flatMap((h) => ['--extra-header', h]),
    '--from-env',
    variable,
  ];
}

/** The proxy's options read back from the launched command (the part after `--`), or null when it is not the proxy. */
export function parseProxy(launched: Pick<LaunchedCommand, 'command' | 'args'>): (ProxyOptions & { variable: string }) | null {
  const start = cliStart(launched.command, launched.args);
  const args = launched.args;
  if (start < 0 || args[start] !== 'mcp' || args[start + 1] !== 'proxy' || args[start + 2] === undefined) return null;
  const options: ProxyOptions & { variable: string } = { url: args[start + 2]!, header: '', scheme: null, transport: 'http', extraHeaders: [], variable: '' };
  for (let i = start + 3; i < args.length; i += 2) {
    const value = args[i + 1];
    if (value === undefined) return null;
    switch (args[i]) {
      case '--header':
        options.header = value;
        break;
      case '--scheme':
        options.scheme = value;
        break;
      case '--transport':
        if (value !== 'sse' && value !== 'http') return null;
        options.transport = value;
        break;
      case '--extra-header':
        options.extraHeaders.push(value);
        break;
      case '--from-env':
        options.variable = value;
        break;
      default:
        return null;
    }
  }
  return options.header && options.variable ? options : null;
}

/**
 * The CLI's arguments when the app's executable runs it (`<app> [appPath] --mcpkv-cli run …`), or null when the
 * flag is not where the launcher puts it (first, or after the app's folder when unpackaged). A `--mcpkv-cli` further
 * on belongs to the command being run and is left alone.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  return at === 1 || at === 2 ? argv.slice(at + 1) : null;
}
