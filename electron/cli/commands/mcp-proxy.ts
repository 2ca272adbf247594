/**
 * `mcpkv mcp proxy <url> --header NAME [--scheme S] [--transport http|sse] [--extra-header 'Name: value']...
 * --from-env VAR`: a local stdio MCP server that forwards every message to the remote server at <url> and back,
 * adding the header `NAME: [S ]<key>` to every request. The proxy form of a remote server in an MCP client's config
 * (shared/mcp-launcher.ts, proxyArgs) starts it through `mcpkv run --key <id>=VAR -- …`, so the key is in no file
 * and in no argument: it comes only from the variable VAR, which the proxy then removes from its own environment.
 *
 * stdout belongs to the protocol. Refusals and failures are one line on stderr and a non-zero exit: 2 for bad
 * input (VAR not set, a malformed header), 1 when the server refuses the key or cannot be reached. The forwarding
 * itself (the SDK's transports, loaded only here) is in ../mcp-proxy-bridge.ts.
 */
import { Option, type Command } from 'commander';
import { VaultError } from '../../../shared/errors';
import { headerValue } from '../../../shared/copy-format';
import { HEADER_NAME_PATTERN, VARIABLE_NAME_PATTERN } from '../../../shared/mcp';
import { removeFromEnvironment } from '../environ-scrub';
import type { CliIo } from '../io';

const collect = (value: string, previous: string[]) => [...previous, value];

/** RFC 9110 token: a header's name, or an authentication scheme (the same rule as a header name). */
const TOKEN = HEADER_NAME_PATTERN;
/** What an HTTP header value may hold (fetch takes bytes 0x00-0xFF; no line breaks or other control characters). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

interface ProxyCommandOptions {
  header: string;
  scheme?: string;
  transport: 'http' | 'sse';
  extraHeader: string[];
  fromEnv: string;
}

/** The key from VAR, taken out of this process's environment before anything else can see or pass it on. */
function takeKey(variable: string): string {
  if (!VARIABLE_NAME_PATTERN.test(variable)) throw new VaultError('VALIDATION', '--from-env needs a variable name (letters, digits and _).');
  const key = process.env[variable];
  removeFromEnvironment(variable);
  if (!key) {
    throw new VaultError('VALIDATION', `${variable} is not set: the proxy takes its key from the environment only; start it with mcpkv run --key <id>=${variable} -- … mcp proxy ….`);
  }
  if (!HEADER_VALUE.test(key)) throw new VaultError('VALIDATION', `The key in ${variable} cannot go in an HTTP header: it holds a line break or another character a header cannot carry.`);
  return key;
}

/** This machine: `localhost`, 127.0.0.0/8 and ::1 (a URL's hostname keeps IPv6 in brackets). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}

function serverUrl(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  // The URL is not echoed: some servers take a token in its query string.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new VaultError('VALIDATION', 'The server URL must be an http:// or https:// URL.');
  // The proxy adds the key to every request: over plain http it would cross the network readable by anyone on the way.
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new VaultError('VALIDATION', 'The server URL is http:// to another machine: the key would cross the network unencrypted. Use its https:// URL.');
  }
  return url;
}

/** `Name: value` pairs, checked; none may be the key's own header. */
function extraHeaders(lines: string[], keyHeader: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).trim();
    const value = line.slice(colon + 1).trim();
    if (colon < 0 || !TOKEN.test(name) || !HEADER_VALUE.test(value)) throw new VaultError('VALIDATION', "--extra-header takes 'Name: value' (a header name, a colon, a value on one line).");
    if (name.toLowerCase() === keyHeader.toLowerCase()) throw new VaultError('VALIDATION', `--extra-header ${name} is the key's own header (--header): give it once.`);
    headers[name] = value;
  }
  return headers;
}

export function register(mcp: Command, io: CliIo): void {
  mcp
    .command('proxy')
    .description('a local stdio MCP server forwarding to a remote one, adding the key (from an environment variable) as a header')
    .argument('<url>', "the remote server's URL")
    .requiredOption('--header <name>', 'the header the key goes in, e.g. Authorization or X-API-Key')
    .option('--scheme <scheme>', 'a scheme before the key in the header, e.g. Bearer or ApiKey')
    .addOption(new Option('--transport <transport>', "the remote server's transport").choices(['http', 'sse']).default('http'))
    .option('--extra-header <header>', "another header for every request, as 'Name: value' (repeatable; never a key)", collect, [])
    .requiredOption('--from-env <var>', 'the environment variable holding the key (set by mcpkv run --key <id>=VAR)')
    .action(async (url: string, options: ProxyCommandOptions) => {
      const key = takeKey(options.fromEnv);
      const target = serverUrl(url);
      if (!TOKEN.test(options.header)) throw new VaultError('VALIDATION', '--header needs a header name, e.g. Authorization or X-API-Key.');
      if (options.scheme !== undefined && !TOKEN.test(options.scheme)) throw new VaultError('VALIDATION', '--scheme needs one word, e.g. Bearer or ApiKey.');
      const headers = {
        ...extraHeaders(options.extraHeader, options.header),
        [options.header]: headerValue(options.scheme, key),
      };
      const { runProxy } = await import('../mcp-proxy-bridge');
      process.exitCode = await runProxy(
        { url: target, transport: options.transport, headers, keyHeader: { name: options.header, scheme: options.scheme ?? null } },
        io,
      );
    });
}
