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
    expect(report.loaded).toHaveLength(1);
    expect(fs.existsSync(report.loaded[0])).toBe(true);
    expect(report.sessionHardened).toEqual({ permissionRequest: true, permissionCheck: true, csp: true, remoteBlocked: true });
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
});
