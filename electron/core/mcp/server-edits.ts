/**
 * The edits that move one server between its forms, as text → text (jsonc-edits.ts keeps every other byte):
 * - launcher: `command`/`args` become `<launcher> run --key <id>=<VAR> -- <original>`, the variable's plaintext
 *   `env` entry goes (and the `env` object with it when that emptied it; an `env: {}` that was already empty stays);
 * - proxy: a remote server becomes a stdio entry running `mcpkv mcp proxy` through the launcher (`url`/`serverUrl`,
 *   `headers` and `type` go; `type: "stdio"` is written where the client reads it: VS Code, Claude Code);
 * - header: a header set to `<scheme> <key>` (the header form, a secret in the file);
 * - and back: the launcher or proxy undone from what its arguments hold, a header taken out.
 * A client's placeholder is never replaced: callers refuse such slots before they get here.
 */
import { buildLaunched, proxyArgs, type LauncherCommand, type LauncherKey } from '../../../shared/mcp-launcher';
import { PROXY_KEY_VAR, type McpClientId, type McpUrlKey } from '../../../shared/mcp';
import { editJson, parseJsonc, valueAt, type JsonEdit } from './jsonc-edits';
import { extraHeaders, isObject, type ServerEntry } from './server-entries';

/** Clients whose stdio entries carry `type: "stdio"` (VS Code requires it; Claude Code writes it). */
const TYPED_CLIENTS: readonly McpClientId[] = ['vscode', 'claude-code'];

function at(entry: ServerEntry, ...relative: string[]): string[] {
  return [...entry.path, ...relative];
}

/** Removes the object at `path` when it is empty now (the edits before emptied it). */
function dropIfEmptied(text: string, path: string[]): string {
  const parsed = parseJsonc(text);
  const value = parsed.ok ? valueAt(parsed.root, path) : undefined;
  return isObject(value) && Object.keys(value).length === 0 ? editJson(text, [{ remove: path }]) : text;
}

/** The name a header has in the server's `headers` (any case), or `name` when it has none yet. */
export function headerNameIn(entry: ServerEntry, name: string): string {
  return entry.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[0] ?? name;
}

/** The server started through the launcher with `keys` (added to those it already has; the same variable is replaced). */
export function toLauncher(text: string, entry: ServerEntry, launcher: LauncherCommand, keys: LauncherKey[]): string {
  const original = entry.launched ?? { command: entry.command!, args: entry.args, keys: [] };
  const kept = original.keys.filter((k) => !keys.some((n) => n.variable === k.variable));
  const built = buildLaunched({ launcher, keys: [...kept, ...keys], command: original.command, args: original.args });
  const removed = keys.filter((k) => entry.env.some(([name]) => name === k.variable));
  const edits: JsonEdit[] = [
    { set: at(entry, ...entry.commandAt), value: built.command },
    { set: at(entry, ...entry.argsAt), value: built.args },
    ...removed.map((k): JsonEdit => ({ remove: at(entry, ...entry.envAt, k.variable) })),
  ];
  const next = editJson(text, edits);
  return removed.length > 0 ? dropIfEmptied(next, at(entry, ...entry.envAt)) : next;
}

/** Without the launcher's key for `variable` (the plain command when it was the last), its value written back if given. */
export function withoutLauncherKey(text: string, entry: ServerEntry, variable: string, value: string | null): string {
  const launched = entry.launched!;
  const keys = launched.keys.filter((k) => k.variable !== variable);
  const command = keys.length > 0 ? buildLaunched({ ...launched, keys }) : { command: launched.command, args: launched.args };
  return editJson(text, [
    { set: at(entry, ...entry.commandAt), value: command.command },
    { set: at(entry, ...entry.argsAt), value: command.args },
    ...(value !== null ? [{ set: at(entry, ...entry.envAt, variable), value }] : []),
  ]);
}

export interface ProxyHeader {
  name: string;
  scheme: string | null;
}

/**
 * A remote server turned into the proxy form: its other headers travel in the arguments, so the caller refuses the
 * form when any of them holds a key, a placeholder (clients expand `${…}` in arguments) or has a credential-like name.
 */
export function toProxy(text: string, entry: ServerEntry, client: McpClientId, launcher: LauncherCommand, keyId: string, header: ProxyHeader): string {
  const extraHeaders = entry.headers.filter(([n]) => n.toLowerCase() !== header.name.toLowerCase()).map(([n, v]) => `${n}: ${v}`);
  const transport = entry.transport === 'sse' ? 'sse' : 'http';
  const options = { url: entry.url!, header: header.name, scheme: header.scheme, transport, extraHeaders } as const;
  const built = buildLaunched({ launcher, keys: [{ keyId, variable: PROXY_KEY_VAR }], command: launcher.command, args: proxyArgs(launcher, options, PROXY_KEY_VAR) });
  // Added before anything is removed, so the object never empties and the new lines follow its style (a trailing
  // comma kept); `type` is replaced where it stands.
  const typed = TYPED_CLIENTS.includes(client);
  const edits: JsonEdit[] = [
    ...(typed ? [{ set: at(entry, 'type'), value: 'stdio' }] : []),
    { set: at(entry, 'command'), value: built.command },
    { set: at(entry, 'args'), value: built.args },
    { remove: at(entry, 'url') },
    { remove: at(entry, 'serverUrl') },
    { remove: at(entry, 'headers') },
    ...(typed ? [] : [{ remove: at(entry, 'type') }]),
  ];
  return editJson(text, edits);
}

/**
 * The remote server the proxy form stood for, with its other headers, and the key's header when `headerValue` is
 * given; its URL under `urlKey` (the property it had before, as recorded; by default the client's own).
 */
export function fromProxy(text: string, entry: ServerEntry, client: McpClientId, headerValue: string | null, urlKey?: McpUrlKey): string {
  const proxy = entry.proxy!;
  const headers: Record<string, string> = Object.fromEntries(extraHeaders(entry));
  if (headerValue !== null) headers[proxy.header] = headerValue;
  const typed = TYPED_CLIENTS.includes(client) || (proxy.transport === 'sse' && !/\/sse\/?$/.test(proxy.url));
  const edits: JsonEdit[] = [
    ...(typed ? [{ set: at(entry, 'type'), value: proxy.transport }] : []),
    { set: at(entry, urlKey ?? (client === 'windsurf' ? 'serverUrl' : 'url')), value: proxy.url },
    ...(Object.keys(headers).length > 0 ? [{ set: at(entry, 'headers'), value: headers }] : []),
    { remove: at(entry, 'command') },
    { remove: at(entry, 'args') },
    ...(typed ? [] : [{ remove: at(entry, 'type') }]),
  ];
  return editJson(text, edits);
}

/** The header set to `value` (the header form), under the name it already has in any case. */
export function withHeader(text: string, entry: ServerEntry, name: string, value: string): string {
  return editJson(text, [{ set: at(entry, 'headers', headerNameIn(entry, name)), value }]);
}

/** The header taken out (and `headers` with it when that emptied it). */
export function withoutHeader(text: string, entry: ServerEntry, name: string): string {
  const next = editJson(text, [{ remove: at(entry, 'headers', headerNameIn(entry, name)) }]);
  return next === text ? text : dropIfEmptied(next, at(entry, 'headers'));
}
