/**
 * The servers of one config, as the clients write them: stdio (`command`, `args`, `env`; Zed's older
 * `command: { path, args, env }`), remote (`url`, Windsurf's `serverUrl`, `type` http/sse, `headers`), and our own
 * launcher and proxy forms read back from a stdio entry's command and arguments. Pure: a parsed value in, entries
 * out, with the JSON paths the edits need.
 */
import { parseLaunched, parseProxy, type LaunchedCommand, type ProxyOptions } from '../../../shared/mcp-launcher';
import type { McpServerForm, McpUrlKey } from '../../../shared/mcp';
import { parseJsonc, valueAt } from './jsonc-edits';

export interface ServerEntry {
  name: string;
  /** The JSON path of the server's object in the file. */
  path: string[];
  transport: 'stdio' | 'http' | 'sse';
  form: McpServerForm;
  /** Relative paths of the command, its arguments and its environment: in the server's object, or in Zed's `command` object. */
  commandAt: string[];
  argsAt: string[];
  envAt: string[];
  command: string | null;
  args: string[];
  /** The environment's text values, in file order. */
  env: [string, string][];
  /** Which property holds the URL: `url`, or `serverUrl` (Windsurf); null when none does (stdio, or the proxy form). */
  urlKey: McpUrlKey | null;
  url: string | null;
  headers: [string, string][];
  launched: LaunchedCommand | null;
  proxy: (ProxyOptions & { variable: string }) | null;
}

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textEntries(value: unknown): [string, string][] {
  return isObject(value) ? Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string') : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A URL's transport: `type` when it says, else SSE for a URL ending in /sse (as Cursor and Windsurf guess), else HTTP. */
function remoteTransport(type: string | null, url: string): 'http' | 'sse' {
  if (type === 'sse') return 'sse';
  if (type !== null && type !== 'stdio') return 'http';
  return /\/sse\/?(\?.*)?$/.test(url) ? 'sse' : 'http';
}

export function serverEntry(name: string, path: string[], value: Record<string, unknown>): ServerEntry {
  // Zed before 0.19x: `command: { path, args, env }`.
  const nested = isObject(value.command);
  const holder = nested ? (value.command as Record<string, unknown>) : value;
  const commandAt = nested ? ['command', 'path'] : ['command'];
  const command = typeof holder[nested ? 'path' : 'command'] === 'string' ? (holder[nested ? 'path' : 'command'] as string) : null;
  const args = strings(holder.args);
  const urlKey = typeof value.url === 'string' ? 'url' : typeof value.serverUrl === 'string' ? 'serverUrl' : null;
  const url = urlKey === null ? null : (value[urlKey] as string);
  const type = typeof value.type === 'string' ? value.type : null;
  const launched = command === null ? null : parseLaunched(command, args);
  const proxy = launched ? parseProxy(launched) : null;
  const transport = proxy ? proxy.transport : command === null && url !== null ? remoteTransport(type, url) : 'stdio';
  return {
    name,
    path,
    transport,
    form: proxy ? 'proxy' : launched ? 'launcher' : 'plain',
    commandAt,
    argsAt: nested ? ['command', 'args'] : ['args'],
    envAt: nested ? ['command', 'env'] : ['env'],
    command,
    args,
    env: textEntries(holder.env),
    urlKey,
    url: proxy ? proxy.url : url,
    headers: textEntries(value.headers),
    launched,
    proxy,
  };
}

/** The same server read again from `text` (after an edit changed its form), or null when it is not there. */
export function entryIn(text: string, entry: Pick<ServerEntry, 'name' | 'path'>): ServerEntry | null {
  const parsed = parseJsonc(text);
  const value = parsed.ok ? valueAt(parsed.root, entry.path) : undefined;
  return isObject(value) ? serverEntry(entry.name, [...entry.path], value) : null;
}

export type ServerList = { ok: true; entries: ServerEntry[] } | { ok: false; reason: string };

/** The servers under `serversPath` of a parsed file (none when it is absent), or why the file holds none we can read. */
export function serverEntries(root: unknown, serversPath: readonly string[]): ServerList {
  if (root === undefined) return { ok: true, entries: [] }; // an empty file
  if (!isObject(root)) return { ok: false, reason: 'does not hold a JSON object' };
  let servers: unknown = root;
  for (const key of serversPath) {
    if (!isObject(servers) || !Object.hasOwn(servers, key)) return { ok: true, entries: [] };
    servers = servers[key];
  }
  if (!isObject(servers)) return { ok: false, reason: `has a "${serversPath.at(-1)}" that is not an object` };
  return {
    ok: true,
    entries: Object.entries(servers)
      .filter((e): e is [string, Record<string, unknown>] => isObject(e[1]))
      .map(([name, value]) => serverEntry(name, [...serversPath, name], value)),
  };
}

/** The proxy form's other headers (`--extra-header 'Name: value'`), as name and value. */
export function extraHeaders(entry: Pick<ServerEntry, 'proxy'>): [string, string][] {
  return (entry.proxy?.extraHeaders ?? []).flatMap((header): [string, string][] => {
    const colon = header.indexOf(':');
    return colon > 0 ? [[header.slice(0, colon).trim(), header.slice(colon + 1).trim()]] : [];
  });
}
