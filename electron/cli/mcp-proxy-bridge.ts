/**
 * The forwarding of `mcpkv mcp proxy`, on the SDK's own transports, the way mcp-remote does it: the MCP client
 * talks to a StdioServerTransport on our stdin/stdout, the remote server is reached through a
 * StreamableHTTPClientTransport (or an SSEClientTransport), and every JSON-RPC message goes across unchanged, both
 * ways. The only thing added is the headers, on every HTTP request (the key's, and any --extra-header).
 *
 * Loaded with import() by the command's action (commands/mcp-proxy.ts): the SDK is never on the start-up path.
 *
 * How it ends:
 * - stdin ends (the client is done): once every request already sent has its answer, the session is ended on the
 *   server (DELETE, for Streamable HTTP) and the proxy exits 0;
 * - the server refuses the key (401/403), cannot be reached, ends the session or closes its event stream: one line
 *   on stderr and exit 1. A request that failed that way is first answered with a JSON-RPC error holding the same
 *   line, so the client can show why;
 * - any other HTTP error on one message answers that request with an error and a line on stderr; the proxy goes on.
 * No error text of the SDK or of the server reaches stderr (it may quote the server's reply): only our own lines.
 */
import { STATUS_CODES } from 'node:http';
import { SSEClientTransport, SseError } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';
import { headerValue } from '../../shared/copy-format';
import type { Output } from './respond';

export interface ProxyPlan {
  url: URL;
  transport: 'http' | 'sse';
  /** Every header to add, the key's included. */
  headers: Record<string, string>;
  /** The key's header and scheme, to name them (never the value) when the server refuses the key. */
  keyHeader: { name: string; scheme: string | null };
}

/** JSON-RPC's "internal error": the proxy could not get the request to the server, or its answer back. */
const PROXY_ERROR_CODE = -32603;

/** fetch's causes for a connection the server dropped (an open request or event stream when it went away). */
const CLOSED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

type Problem = { fatal: boolean; line: string } | null;

const isRequest = (m: JSONRPCMessage): m is JSONRPCMessage & { id: RequestId; method: string } => 'method' in m && 'id' in m;
const isResponse = (m: JSONRPCMessage): m is JSONRPCMessage & { id: RequestId } => ('result' in m || 'error' in m) && 'id' in m && m.id !== undefined;

/** The HTTP status of a failed request: the transports' own errors carry it, the SSE transport's POST only in its text. */
function statusOf(error: unknown): number | undefined {
  if (error instanceof StreamableHTTPError || error instanceof SseError) return error.code;
  const posted = error instanceof Error ? /^Error POSTing to endpoint \(HTTP (\d{3})\)/.exec(error.message) : null;
  return posted ? Number(posted[1]) : undefined;
}

function httpStatus(code: number): string {
  return `${code}${STATUS_CODES[code] ? ` ${STATUS_CODES[code]}` : ''}`;
}

export function runProxy(plan: ProxyPlan, output: Output): Promise<number> {
  const requestInit = { headers: plan.headers };
  const remote = plan.transport === 'sse' ? new SSEClientTransport(plan.url, { requestInit }) : new StreamableHTTPClientTransport(plan.url, { requestInit });
  const local = new StdioServerTransport();
  const keyHeader = `${plan.keyHeader.name}: ${headerValue(plan.keyHeader.scheme, '…')}`;

  /** What an error of the remote side means for the session, in our words. */
  function describe(error: unknown): Problem {
    const status = statusOf(error);
    if (status === 401 || status === 403) {
      return { fatal: true, line: `The server refused the key (${httpStatus(status)}): check that this is the key it expects, sent as "${keyHeader}".` };
    }
    if (error instanceof SseError) return { fatal: true, line: `The server closed its event stream${status ? ` (${httpStatus(status)})` : ''}.` };
    // Streamable HTTP's session, or the SSE transport's (its message endpoint), is gone on the server.
    const inSession = remote instanceof SSEClientTransport || remote.sessionId !== undefined;
    if (status === 404 && inSession) return { fatal: true, line: 'The server ended the session (404 Not Found).' };
    if (typeof status === 'number' && status > 0) return { fatal: false, line: `The server answered ${httpStatus(status)}.` };
    if (status === -1) return { fatal: false, line: 'The server answered with a content type MCP does not use.' };
    const message = error instanceof Error ? error.message : '';
    const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
    if (error instanceof TypeError && message === 'fetch failed') {
      if (typeof cause === 'string' && CLOSED.has(cause)) return { fatal: true, line: 'The server closed the connection.' };
      return { fatal: true, line: `The server at ${plan.url.origin} cannot be reached${typeof cause === 'string' ? ` (${cause})` : ''}.` };
    }
    // The event stream of Streamable HTTP dropped and could not be opened again: the server is gone.
    if (message.startsWith('Maximum reconnection attempts')) return { fatal: true, line: 'The server closed the connection.' };
    // A dropped event stream is reopened by the transport itself; only its giving up (above) matters.
    if (message.startsWith('SSE stream disconnected') || message.startsWith('Failed to reconnect SSE stream')) return null;
    if (error instanceof SyntaxError || (error instanceof Error && error.name === 'ZodError')) {
      return { fatal: false, line: 'A message from the server is not JSON-RPC; it was dropped.' };
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return { fatal: false, line: `Unexpected proxy error${typeof code === 'string' ? ` (${code})` : ''}.` };
  }

  return new Promise<number>((resolve) => {
    let ending = false;
    let stdinEnded = false;
    let sending = 0;
    /** Requests of the client the server has not answered yet. */
    const pending = new Set<RequestId>();
    let initializeId: RequestId | undefined;
    /** Messages of the client waiting for the answer to initialize (null: none is awaited). */
    let held: JSONRPCMessage[] | null = null;
    /** Errors already dealt with where send() failed (the transport reports them to onerror as well). */
    const handled = new WeakSet<object>();

    const finish = async (code: number, line?: string) => {
      if (ending) return;
      ending = true;
      process.stdin.off('end', onStdinEnd);
      if (line) output.note(`mcpkv: ${line}`);
      // A client that is done ends its session, as the SDK's own client does.
      if (code === 0 && remote instanceof StreamableHTTPClientTransport && remote.sessionId !== undefined) await remote.terminateSession().catch(() => undefined);
      await remote.close().catch(() => undefined);
      await local.close().catch(() => undefined);
      resolve(code);
    };

    /** When the client has stopped writing, the proxy ends once nothing is on its way any more. */
    const endIfIdle = () => {
      if (stdinEnded && sending === 0 && pending.size === 0) void finish(0);
    };
    const onStdinEnd = () => {
      stdinEnded = true;
      endIfIdle();
    };

    const failed = async (error: unknown, message?: JSONRPCMessage) => {
      if (ending || (typeof error === 'object' && error !== null && handled.has(error))) return;
      if (typeof error === 'object' && error !== null) handled.add(error);
      const problem = describe(error);
      if (!problem) return;
      if (message && isRequest(message)) {
        pending.delete(message.id);
        await local.send({ jsonrpc: '2.0', id: message.id, error: { code: PROXY_ERROR_CODE, message: problem.line } }).catch(() => undefined);
        if (message.id === initializeId && !problem.fatal) {
          initializeId = undefined;
          release();
        }
      }
      if (problem.fatal) return finish(1, problem.line);
      output.note(`mcpkv: ${problem.line}`);
      endIfIdle();
    };

    const forward = (message: JSONRPCMessage) => {
      if (isRequest(message)) {
        pending.add(message.id);
        if (message.method === 'initialize') {
          initializeId = message.id;
          held = [];
        }
      }
      sending++;
      remote
        .send(message)
        .catch((error: unknown) => failed(error, message))
        .finally(() => {
          sending--;
          endIfIdle();
        });
    };
    /** The messages held back while the initialize request is on its way go now, in their order. */
    const release = () => {
      const queue = held ?? [];
      held = null;
      for (const message of queue) forward(message);
    };

    // Over HTTP, messages sent together may arrive in any order, and none but initialize may come before the
    // server has given the session its id (in initialize's answer): a client that does not wait for that answer
    // (a pipe written all at once) has what follows held back until it arrives.
    local.onmessage = (message) => {
      if (ending) return;
      if (held) held.push(message);
      else forward(message);
    };
    // A line of the client's that is not a JSON-RPC message is dropped by the SDK. More than its buffer holds
    // (10 MB without a newline) makes it close the transport: the only close that is not finish()'s own.
    local.onerror = (error) => {
      if (!error.message.startsWith('ReadBuffer exceeded')) output.note('mcpkv: a message from the client is not JSON-RPC; it was dropped.');
    };
    local.onclose = () => void finish(1, 'A message from the client is larger than the proxy takes (10 MB).');
    // The client closed its end of our stdout: nothing can reach it any more (and an unhandled EPIPE would crash us).
    process.stdout.on('error', () => void finish(0));

    remote.onmessage = (message) => {
      if (ending) return;
      if (isResponse(message)) {
        pending.delete(message.id);
        if (message.id === initializeId) {
          // The client's transport would send the negotiated version on every later request; the proxy does the same.
          if ('result' in message && typeof message.result.protocolVersion === 'string') remote.setProtocolVersion(message.result.protocolVersion);
          initializeId = undefined;
          release();
        }
      }
      void local.send(message).then(endIfIdle);
    };
    // send() reports its error here and then rejects: let the rejection (which knows the message) come first.
    remote.onerror = (error) => setImmediate(() => void failed(error));

    remote
      .start()
      .then(() => {
        process.stdin.on('end', onStdinEnd);
        return local.start();
      })
      .catch((error: unknown) => failed(error));
  });
}
