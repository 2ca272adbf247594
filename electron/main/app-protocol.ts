/**
 * The UI is served from `app://vault/…`, a custom privileged scheme, instead of `file://` (Electron security
 * checklist, item 18): a `file://` page can read any file the user can, a page on our own scheme reaches only the
 * built renderer folder. Only types come from electron here, so the handler is tested in plain Node.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from './window';

export const APP_SCHEME = 'app';
export const APP_HOST = 'vault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`: standard (relative URLs, origin), secure (like https), and nothing more. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The file under `rootDir` that `url` names, or null when the URL is not ours or would leave the folder
 * (`..`, encoded separators, another host). Decoding happens once, before the containment check.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : null;
}

/** `protocol.handle(APP_SCHEME, …)`'s handler: our built files, with the CSP, and 404 for anything else. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  // Symlinks inside the renderer folder are resolved once; a link leaving it is refused like `..`.
  const realRootPromise = fs.realpath(rootDir);
  return async (request) => {
    const file = resolveAppFile(rootDir, request.url);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const realRoot = await realRootPromise;
      const real = await fs.realpath(file);
      if (!real.startsWith(realRoot + path.sep)) return new Response('Not found', { status: 404 });
      const body = await fs.readFile(real);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': MIME_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
