/**
 * The window and its security baseline. Only types come from electron here, so tests can check the
 * options and the guards in plain Node.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The strictest policy the renderer works under: our own scripts and styles, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Where the renderer comes from and what is allowed for it: the dev server exists only in development. */
export interface RendererSource {
  /** The URL the window loads. */
  url: string;
  /** The dev server's origin (`http://localhost:5173`), allowed through the request filter; never when packaged. */
  devServerOrigin: string | null;
  /** DevTools open only in development: a packaged build has none (no inspecting a revealed key). */
  devTools: boolean;
}

/**
 * A packaged app always serves its own built files over `app://` and has no DevTools, whatever the environment
 * says: `ELECTRON_RENDERER_URL` (electron-vite's dev server) is honoured only when not packaged, and only for a
 * loopback http(s) URL.
 */
export function rendererSource(options: { isPackaged: boolean; env: NodeJS.ProcessEnv; appEntryUrl: string }): RendererSource {
  if (options.isPackaged) return { url: options.appEntryUrl, devServerOrigin: null, devTools: false };
  const devUrl = options.env.ELECTRON_RENDERER_URL;
  const origin = devUrl ? loopbackOrigin(devUrl) : null;
  return origin ? { url: devUrl!, devServerOrigin: origin, devTools: true } : { url: options.appEntryUrl, devServerOrigin: null, devTools: true };
}

function loopbackOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    return loopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.origin : null;
  } catch {
    return null;
  }
}

export function windowOptions(preloadPath: string, options: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1180,
    height: 760,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'MCP Key Vault',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

/** Denies every way out of our page: navigation, new windows, webviews. */
export function hardenWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * No camera, microphone, notifications-by-request, geolocation…: the app asks for nothing. Requests may go only
 * to our own scheme (`appOrigin`), inline data, and — in development only — the dev server's exact origin.
 */
export function hardenSession(session: Session, options: { appOrigin: string; devServerOrigin: string | null; devTools: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Content we serve carries the CSP too (the page's meta tag is the other half).
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No remote content, ever: only our files (and the dev server while developing). file:// is refused too.
  const allowedOrigins = new Set([options.appOrigin, ...(options.devServerOrigin ? [options.devServerOrigin] : [])]);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, allowedOrigins, options.devTools) });
  });
}

function isAllowedRequest(url: string, allowedOrigins: Set<string>, devTools: boolean): boolean {
  if (url.startsWith('data:')) return true;
  // DevTools' own pages exist only where DevTools do (never in a packaged build).
  if (devTools && url.startsWith('devtools://')) return true;
  try {
    // Built by hand: WHATWG's URL.origin is "null" for schemes it does not know, such as app:.
    const parsed = new URL(url);
    return allowedOrigins.has(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
}
