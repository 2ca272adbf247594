/**
 * The built Electron main process (out/main/index.js), booted in Node with `electron` replaced by a recording
 * stand-in (test/helpers/fake-electron): where Electron's binary cannot run, this still proves the bundle loads,
 * opens the real vault (electron-store, keytar), registers every contract channel, creates the window with the
 * security baseline, points it at the built preload and renderer, and refuses IPC from anything but its frame.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc-contract';
import { repoRoot, runProcess } from '../helpers/process';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

const mainBundle = path.join(repoRoot, 'out/main/index.js');
let t: TestVault;

beforeAll(() => {
  // `npm test` builds first; a developer running vitest alone gets the build here.
  if (!fs.existsSync(mainBundle)) {
    const built = spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
    expect(built.status).toBe(0);
  }
}, 180_000);

beforeEach(() => {
  t = makeTestVault();
});
afterEach(async () => {
  await t.cleanup();
});

describe('the built main process', () => {
  it('boots, opens the vault, registers every channel with a hardened window, and serves only its own frame', async () => {
    const reportFile = path.join(t.home, 'boot-report.json');
    const result = await runProcess(
      process.execPath,
      ['--import', path.join(repoRoot, 'test/helpers/fake-electron/register.mjs'), mainBundle],
      { ...t.env, FAKE_ELECTRON_REPORT: reportFile },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    expect(report.errors).toEqual([]);
    expect([...report.channels].sort()).toEqual([...IPC_CHANNELS].sort());

    const [window] = report.windows;
    expect(window.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(fs.existsSync(window.webPreferences.preload)).toBe(true);
    expect(window.webPreferences.preload.endsWith('.cjs')).toBe(true);
    expect(window.webPreferences.devTools).toBe(true);
    // The UI comes over app://, from the built renderer folder only, with the CSP header.
    expect(report.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(report.loaded).toEqual(['app://vault/index.html']);
    const [page, ...escapes] = report.served;
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: expect.stringContaining("default-src 'none'") });
    expect(page.bytes).toBe(fs.statSync(path.join(repoRoot, 'out/renderer/index.html')).size);
    expect(escapes.map((e: { status: number }) => e.status)).toEqual([404, 404, 404]);
    expect(report.sessionHardened).toEqual({ permissionRequest: true, permissionCheck: true, csp: true, remoteBlocked: true });
    expect(report.requestFilter).toEqual({
      'app://vault/index.html': 'allowed',
      'file:///etc/passwd': 'blocked',
      'http://localhost:5173/': 'blocked',
      'https://example.com/': 'blocked',
      'devtools://devtools/bundled/x.html': 'allowed',
    });
    expect(report.windowOpen).toEqual({ action: 'deny' });

    expect(report.calls.statusTrusted).toMatchObject({ ok: true, value: { keychainAvailable: true } });
    expect(report.calls.createTrusted).toMatchObject({ ok: true, value: { name: 'booted' } });
    expect(report.calls.listTrusted.value.map((k: { name: string }) => k.name)).toEqual(['booted']);
    expect(report.calls.listFromSubframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(report.calls.invalidPayload).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(report.quit).toBe(true);

    // The app wrote through electron-store into the very vault the CLI reads.
    expect(t.open().list().map((k) => k.name)).toEqual(['booted']);
    expect((await t.keychain()).size).toBe(1);
  });

  it('packaged: ignores ELECTRON_RENDERER_URL, has no DevTools, and allows no localhost', async () => {
    const reportFile = path.join(t.home, 'boot-report.json');
    const result = await runProcess(
      process.execPath,
      ['--import', path.join(repoRoot, 'test/helpers/fake-electron/register.mjs'), mainBundle],
      { ...t.env, FAKE_ELECTRON_REPORT: reportFile, FAKE_ELECTRON_PACKAGED: '1', ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    expect(report.errors).toEqual([]);
    expect(report.loaded).toEqual(['app://vault/index.html']);
    expect(report.windows[0].webPreferences.devTools).toBe(false);
    expect(report.requestFilter).toMatchObject({ 'http://localhost:5173/': 'blocked', 'devtools://devtools/bundled/x.html': 'blocked', 'app://vault/index.html': 'allowed' });
  });

  it('in development: loads the dev server named by ELECTRON_RENDERER_URL and allows only its origin', async () => {
    const reportFile = path.join(t.home, 'boot-report.json');
    const result = await runProcess(
      process.execPath,
      ['--import', path.join(repoRoot, 'test/helpers/fake-electron/register.mjs'), mainBundle],
      { ...t.env, FAKE_ELECTRON_REPORT: reportFile, ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    expect(report.loaded).toEqual(['http://localhost:5173/']);
    expect(report.requestFilter).toMatchObject({ 'http://localhost:5173/': 'allowed', 'file:///etc/passwd': 'blocked' });
  });
});
