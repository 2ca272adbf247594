/**
 * TEST ONLY — never part of the app. A Node process that runs the REAL main-process handlers (real
 * keytar, real store in MCPKV_HOME, real files) and serves the built renderer on 127.0.0.1, with
 * `window.vault` bridged to those handlers over loopback HTTP. Used by the E2E suite and `npm run e2e:serve`.
 *
 * Electron's clipboard does not exist in plain Node: the bridge keeps an in-memory clipboard that
 * tests can read at GET /__test/clipboard.
 *
 * Who may use it: whoever holds its token, which is printed on stdout only (to the process that started it) and
 * never served: the page gets it from its URL's fragment (`#bridge-token=…`, never sent over HTTP) and keeps it in
 * sessionStorage. Every request must name this server by a loopback Host with its exact port, and a browser's
 * Origin must be this server's (no other local user's page, no DNS rebinding). It runs on the throwaway test
 * keychain of test/with-keyring.sh; the user's own keychain only with MCPKV_USE_SESSION_KEYRING=1, loudly.
 *
 * The MCP clients' configs are looked for under BRIDGE_CLIENT_HOME (the session's fixture HOME; by default an empty
 * folder in the vault's), never in the user's own home, and the launcher written into them is `node bin/mcpkv.js`.
 *
 * Main's own confirmation dialog (confirmations.ts) is a stand-in here: tests script its answer
 * (POST /__test/confirm, yes by default) and read what was asked (GET /__test/confirmations); with
 * BRIDGE_CONFIRM=terminal (`npm run e2e:serve`) it asks on the terminal instead, out of the page's reach.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ActivityLog } from '../../../electron/core/activity-log';
import { MemoryClipboard } from '../../helpers/memory-clipboard';
import type { SecretStore } from '../../../electron/core/keychain';
import { openNodeVaultRecovering } from '../../../electron/core/open-vault';
import { vaultHome } from '../../../electron/core/paths';
import { watchStoreFile } from '../../../electron/core/store-watch';
import { createMainSide, type ConfirmAdapter, type ConfirmRequest } from '../../../electron/main/main-side';
import { ScriptedConfirm } from '../../helpers/scripted-confirm';
import { testMcpDeps } from '../../helpers/test-mcp';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const rendererDir = path.resolve(process.env.BRIDGE_RENDERER_DIR ?? path.join(root, 'out/renderer'));
const port = Number(process.env.BRIDGE_PORT ?? 0);
const token = randomBytes(32).toString('hex');

function sameToken(given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/** Our own names only, with our exact port: a rebinding DNS name (evil.example:5199) or another port is refused. */
function fromOurOrigin(req: http.IncomingMessage, actualPort: number): boolean {
  const hosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  if (!hosts.has(String(req.headers.host ?? '').toLowerCase())) return false;
  // Browsers send Origin on cross-origin requests (and on POSTs); when present it must be ours.
  const origin = req.headers.origin;
  if (origin !== undefined && ![...hosts].some((h) => origin === `http://${h}`)) return false;
  // A browser that says the request comes from another site is refused even without an Origin.
  return req.headers['sec-fetch-site'] === undefined || ['same-origin', 'none'].includes(String(req.headers['sec-fetch-site']));
}

/** The keychain the bridge may use: the test keyring, or the user's own only when asked for loudly. */
function checkKeychainChoice(): void {
  if (process.env.MCPKV_IN_TEST_KEYRING === '1') return;
  if (process.env.MCPKV_USE_SESSION_KEYRING !== '1') {
    process.stderr.write(
      'bridge: refusing to start on your own keychain. Run it through test/with-keyring.sh (npm run e2e:serve does), ' +
        'or set MCPKV_USE_SESSION_KEYRING=1 to use your session keychain on purpose.\n',
    );
    process.exit(2);
  }
  process.stderr.write(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '!! MCPKV_USE_SESSION_KEYRING=1: the test bridge runs on YOUR OWN keychain and vault.     !!',
      '!! Anyone with its link can reveal, copy, rotate and delete your real keys. Stop it      !!',
      '!! (Ctrl+C) when you are done, and never share the printed link.                         !!',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n') + '\n',
  );
}

/** BRIDGE_CONFIRM=terminal: main's question on the terminal that started the bridge (no for anything but y/yes). */
function terminalConfirm(): ConfirmAdapter {
  if (!process.stdin.isTTY) return async () => false;
  const terminal = readline.createInterface({ input: process.stdin, output: process.stderr });
  return (request: ConfirmRequest) =>
    new Promise((resolve) => {
      terminal.question(`\n[vault] ${request.message}\n        ${request.detail}\n        ${request.confirmLabel}? [y/N] `, (answer) => {
        resolve(/^y(es)?$/i.test(answer.trim()));
      });
    });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

async function clientBundle(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Minified like the shipped bundles, so start-up timings through the bridge are not inflated by it.
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function readBody(req: http.IncomingMessage, limit = 32 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function main(): Promise<void> {
  checkKeychainChoice();
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    process.stderr.write(`bridge: no built renderer at ${indexFile}; run \`npm run build\` first.\n`);
    process.exit(2);
  }
  const bridgeJs = await clientBundle();
  // Every secret that passes through the keychain is noted, so tests can prove none leaked anywhere.
  const seenSecrets = new Set<string>();
  const recording = (keychain: SecretStore): SecretStore => ({
    get: async (id) => {
      const secret = await keychain.get(id);
      if (secret !== null) seenSecrets.add(secret);
      return secret;
    },
    set: async (id, secret) => {
      seenSecrets.add(secret);
      await keychain.set(id, secret);
    },
    delete: (id) => keychain.delete(id),
    listIds: () => keychain.listIds(),
    check: () => keychain.check(),
  });
  const { vault, notes } = await openNodeVaultRecovering(process.env, { wrapSecrets: recording });
  const memoryClipboard = new MemoryClipboard();
  // The OS folder dialog, scripted: a test says which folder the "user" picks next (null = cancels).
  let nextFolder: string | null = null;
  const scripted = new ScriptedConfirm();
  const { dispatch, services } = createMainSide({
    vault,
    clipboard: memoryClipboard,
    dialogs: { chooseFolder: async () => nextFolder },
    confirm: process.env.BRIDGE_CONFIRM === 'terminal' ? terminalConfirm() : scripted.confirm,
    mcp: testMcpDeps(process.env.BRIDGE_CLIENT_HOME ?? path.join(vaultHome(process.env), 'client-home')),
    activity: new ActivityLog(vaultHome(process.env)),
    notices: notes,
  });
  const listeners = new Set<http.ServerResponse>();
  watchStoreFile(vault.store.path, () => {
    for (const res of listeners) res.write('event: vault:changed\ndata: {}\n\n');
  });

  const server = http.createServer(async (req, res) => {
    try {
      const address = server.address();
      if (!fromOurOrigin(req, typeof address === 'object' && address ? address.port : port)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('This bridge answers only to its own loopback address.');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      // The header, from the page and the harness; the query only for the event stream (EventSource sets no headers).
      const header = req.headers['x-bridge-token'];
      const authorised = sameToken(Array.isArray(header) ? header[0] : header) || (url.pathname === '/__events' && sameToken(url.searchParams.get('t')));
      if (req.method === 'POST' && url.pathname.startsWith('/__ipc/')) {
        if (!authorised) return void res.writeHead(403).end();
        const body = await readBody(req);
        let payload: unknown;
        try {
          payload = JSON.parse(body);
        } catch {
          payload = undefined;
        }
        const envelope = await dispatch(decodeURIComponent(url.pathname.slice('/__ipc/'.length)), payload);
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(envelope));
        return;
      }
      if (url.pathname === '/__events') {
        if (!authorised) return void res.writeHead(403).end();
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        listeners.add(res);
        req.on('close', () => listeners.delete(res));
        return;
      }
      if (url.pathname === '/__test/next-folder' && req.method === 'POST') {
        if (!authorised) return void res.writeHead(403).end();
        nextFolder = (JSON.parse(await readBody(req)) as { folder: string | null }).folder;
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/__test/confirm' && req.method === 'POST') {
        if (!authorised) return void res.writeHead(403).end();
        scripted.answer = (JSON.parse(await readBody(req)) as { answer: boolean }).answer === true;
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/__test/confirmations') {
        if (!authorised) return void res.writeHead(403).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(scripted.asked));
        return;
      }
      if (url.pathname === '/__test/seen-secrets') {
        if (!authorised) return void res.writeHead(403).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([...seenSecrets]));
        return;
      }
      if (url.pathname === '/__test/clipboard') {
        if (!authorised) return void res.writeHead(403).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ text: memoryClipboard.text }));
        return;
      }
      if (url.pathname === '/__vault_bridge.js') {
        res.writeHead(200, { 'content-type': TYPES['.js']!, 'cache-control': 'no-store' }).end(bridgeJs);
        return;
      }
      const file = url.pathname === '/' ? indexFile : path.join(rendererDir, path.normalize(decodeURIComponent(url.pathname)));
      if (!file.startsWith(rendererDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      let content: Buffer | string = fs.readFileSync(file);
      if (file === indexFile) {
        // The bridge script goes first, where the preload would run: before any app script. No token in it.
        content = content.toString('utf8').replace('<head>', '<head>\n    <script src="/__vault_bridge.js"></script>');
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(content);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });

  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${actual}/`, token })}\n`);
  });
  const stop = () => {
    void services.clipboard.clearIfUnchanged();
    for (const res of listeners) res.end();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

await main();
