/** The Electron security baseline, checked on the window factory and guards in plain Node. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, windowOptions } from '../../electron/main/window.main';

describe('window security', () => {
  it('isolates the renderer: context isolation, sandbox, no node integration, no webview', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!;
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
    });
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
    hardenWebContents(contents as never, (url) => url === 'file:///app/index.html');
    expect(contents.openHandler!().action).toBe('deny');
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('file:///app/index.html')).toBe(false);
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
    hardenSession(session as never);
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
    expect(cancelled('file:///app/index.html')).toBe(false);
    let headers: Record<string, string[]> | undefined;
    (handlers.headers as (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void)(
      { responseHeaders: {} },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers!['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });
});
