/** The Electron security baseline, checked on the window factory and guards in plain Node. */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppFile } from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, rendererSource, windowOptions } from '../../electron/main/window';

describe('window security', () => {
  it('isolates the renderer: context isolation, sandbox, no node integration, no webview', () => {
    const prefs = windowOptions('/app/preload.cjs', { devTools: false }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('packaged: always the built UI over app://, no DevTools, no dev server, whatever the environment says', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererSource({ isPackaged: true, env, appEntryUrl: 'app://vault/index.html' })).toEqual({
      url: 'app://vault/index.html',
      devServerOrigin: null,
      devTools: false,
    });
    expect(rendererSource({ isPackaged: false, env, appEntryUrl: 'app://vault/index.html' })).toEqual({
      url: 'http://localhost:5173/',
      devServerOrigin: 'http://localhost:5173',
      devTools: true,
    });
    // Unpackaged without a dev server (npm start), or with a dev URL that is not on this machine.
    expect(rendererSource({ isPackaged: false, env: {}, appEntryUrl: 'app://vault/index.html' }).url).toBe('app://vault/index.html');
    expect(rendererSource({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' }, appEntryUrl: 'app://vault/index.html' })).toMatchObject({
      url: 'app://vault/index.html',
      devServerOrigin: null,
    });
  });

  it('serves app:// only from the renderer folder, with the CSP', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-app-'));
    try {
      fs.mkdirSync(path.join(root, 'renderer/assets'), { recursive: true });
      fs.writeFileSync(path.join(root, 'renderer/index.html'), '<!doctype html>');
      fs.writeFileSync(path.join(root, 'renderer/assets/a.js'), 'export {}');
      fs.writeFileSync(path.join(root, 'secret.txt'), 'outside');
      fs.symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'renderer/assets/link.js'));
      const dir = path.join(root, 'renderer');
      expect(resolveAppFile(dir, 'app://vault/')).toBe(path.join(dir, 'index.html'));
      expect(resolveAppFile(dir, 'app://vault/assets/a.js?v=1')).toBe(path.join(dir, 'assets/a.js'));
      // URL parsing drops dot segments (encoded or not) at the root: they stay inside the folder.
      expect(resolveAppFile(dir, 'app://vault/%2e%2e/secret.txt')).toBe(path.join(dir, 'secret.txt'));
      for (const url of ['app://vault/..%2Fsecret.txt', 'app://vault/assets/..%2F..%2Fsecret.txt', 'app://other/index.html', 'file:///etc/passwd', 'app://vault/a%5C..%5Csecret.txt', 'app://vault/%00']) {
        expect(resolveAppFile(dir, url), url).toBeNull();
      }
      const handle = createAppProtocolHandler(dir);
      const page = await handle(new Request('app://vault/index.html'));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await page.text()).toBe('<!doctype html>');
      expect((await handle(new Request('app://vault/assets/a.js'))).headers.get('content-type')).toMatch(/javascript/);
      // A link inside the folder that points out of it is refused like `..`.
      expect((await handle(new Request('app://vault/assets/link.js'))).status).toBe(404);
      expect((await handle(new Request('app://vault/missing.js'))).status).toBe(404);
      expect((await handle(new Request('app://vault/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('has a strict CSP: nothing inline, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('denies new windows and navigation away from the app', () => {
    const contents = Object.assign(new EventEmitter(), {
      openHandler: undefined as undefined | (() => { action: string }),
      setWindowOpenHandler(handler: () => { action: string }) {
        this.openHandler = handler;
      },
    });
    hardenWebContents(contents as never, (url) => url === 'app://vault/index.html');
    expect(contents.openHandler!().action).toBe('deny');
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('file:///app/index.html')).toBe(true);
    expect(navigate('app://vault/index.html')).toBe(false);
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });

  it('denies every permission request and cancels remote requests', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      webRequest: {
        onHeadersReceived: (h: never) => (handlers.headers = h),
        onBeforeRequest: (h: never) => (handlers.before = h),
      },
    };
    hardenSession(session as never, { appOrigin: 'app://vault', devServerOrigin: null, devTools: false });
    let granted: boolean | undefined;
    (handlers.request as (c: unknown, p: string, cb: (g: boolean) => void) => void)(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect((handlers.check as () => boolean)()).toBe(false);
    const cancelled = (url: string) => {
      let result: { cancel: boolean } | undefined;
      (handlers.before as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (result = r));
      return result!.cancel;
    };
    expect(cancelled('https://cdn.example.com/x.js')).toBe(true);
    expect(cancelled('http://192.168.1.5/')).toBe(true);
    expect(cancelled('file:///app/index.html')).toBe(true);
    expect(cancelled('app://vault/assets/index.js')).toBe(false);
    expect(cancelled('app://elsewhere/x.js')).toBe(true);
    expect(cancelled('http://localhost:5173/')).toBe(true);
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(true);
    let headers: Record<string, string[]> | undefined;
    (handlers.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: {} },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers!['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});
