/**
 * `mcpkv copy` for real: the built CLI, the real keychain, a real X server (Xvfb) and a real X clipboard
 * served by xclip/xsel. Skipped only where Xvfb or xclip is not installed (CI installs both, and fails without).
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import { onPath } from '../../electron/cli/clipboard-tools';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';
import { startXvfb, X_TOOLS_MISSING, type XServer } from '../helpers/xvfb';

const DAY = 86_400_000;
const skip = X_TOOLS_MISSING.length > 0;
if (skip) {
  const message = `copy-cli: ${X_TOOLS_MISSING.join(' and ')} not installed; skipping the real-clipboard tests (apt-get install xvfb xclip).`;
  if (process.env.CI) throw new Error(`${message} CI must run them.`);
  console.warn(message);
}

let x: XServer;
let t: TestVault;
let env: NodeJS.ProcessEnv;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runCli(args, { ...env, ...extraEnv });

async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate()) return true;
    await sleep(100);
  }
  return predicate();
}

/** Running clipboard holders: their pid, command line and environment, read from /proc. */
function allHolders(): { pid: string; cmdline: string; environ: string }[] {
  if (!fs.existsSync('/proc/self/cmdline')) return [];
  return fs
    .readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
        // The holder renames itself (process.title), which rewrites its command line on Linux.
        if (!cmdline.includes('clipboard-holder.js') && !cmdline.startsWith('mcpkv-clipboard')) return [];
        return [{ pid, cmdline, environ: fs.readFileSync(`/proc/${pid}/environ`, 'utf8') }];
      } catch {
        return [];
      }
    });
}

/** This test's holders (its vault's): other runs on the machine may have theirs waiting too. */
const holders = () => allHolders().filter((h) => h.environ.split('\0').includes(`MCPKV_HOME=${t.home}`));

async function createKey(name: string, extra: string[] = []): Promise<KeyWithSecret> {
  return parseJson<KeyWithSecret>(await cli(['create', name, ...extra, '--json']));
}

describe.skipIf(skip)('mcpkv copy on a real X clipboard', () => {
  beforeAll(async () => {
    x = await startXvfb();
  });
  afterAll(async () => {
    // Holders still waiting out a long clear time (this file's, on this X server) go with the server.
    for (const holder of allHolders()) {
      if (holder.environ.split('\0').includes(`DISPLAY=${x?.display}`)) process.kill(Number(holder.pid), 'SIGTERM');
    }
    await x?.stop();
  });
  beforeEach(() => {
    t = makeTestVault();
    env = { ...t.env, DISPLAY: x.display };
    delete env.WAYLAND_DISPLAY;
    delete env.MCPKV_CLIPBOARD_TOOL;
    x.write('before');
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it('copies, returns at once, and clears after the time; the secret never reaches argv or env', async () => {
    const key = await createKey('Production Key');
    const result = await cli(['copy', 'Production Key', '--clear-after', '3']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('Copied key "Production Key" to the clipboard; it clears in 3 s.\n');
    // mcpkv has returned, and the key is still there with a holder waiting to clear it: the holder waits, not mcpkv.
    expect(x.read()).toBe(key.secret);
    const running = holders();
    expect(running.length).toBeGreaterThan(0);
    for (const holder of running) {
      expect(holder.cmdline.includes(key.secret), 'holds the secret').toBe(false);
      expect(holder.environ.includes(key.secret), 'holds the secret').toBe(false);
    }

    await sleep(1_000);
    expect(x.read()).toBe(key.secret); // not cleared early
    expect(await until(() => x.read() !== key.secret, 6_000)).toBe(true);
    expect(x.read()).toBe('');
    expect(await until(() => holders().length === 0, 3_000)).toBe(true);
  });

  it('keeps what was copied meanwhile', async () => {
    const key = await createKey('k');
    expect((await cli(['copy', key.id, '--clear-after', '2'])).code).toBe(0);
    expect(x.read()).toBe(key.secret);
    x.write('something I copied after');
    await until(() => holders().length === 0, 6_000);
    await sleep(300);
    expect(x.read()).toBe('something I copied after');
  });

  it('--clear-after 0 never clears; --json prints { id, format, clearsAt }', async () => {
    const key = await createKey('forever');
    const result = await cli(['copy', 'forever', '--clear-after', '0', '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ id: key.id, format: 'key', clearsAt: null });
    await sleep(2_500);
    expect(x.read()).toBe(key.secret);
    expect(holders()).toEqual([]);
  });

  it('formats: env with the configured variable, header in the key\'s style', async () => {
    const key = await createKey('styled', ['--header', 'x-api-key']);
    expect((await cli(['copy', key.id, '--format', 'header', '--clear-after', '0'])).stdout).toContain('as an HTTP header');
    expect(x.read()).toBe(`X-API-Key: ${key.secret}`);
    expect((await cli(['edit', key.id, '--header', 'apikey'])).code).toBe(0);
    await cli(['copy', key.id, '-f', 'header', '--clear-after', '0']);
    expect(x.read()).toBe(`Authorization: ApiKey ${key.secret}`);
    const plain = await createKey('plain');
    await cli(['copy', plain.id, '-f', 'header', '--clear-after', '0']);
    expect(x.read()).toBe(`Authorization: Bearer ${plain.secret}`);
    expect((await cli(['settings', '--default-var', 'OPENAI_API_KEY'])).code).toBe(0);
    await cli(['copy', key.id, '-f', 'env', '--clear-after', '0']);
    expect(x.read()).toBe(`OPENAI_API_KEY=${key.secret}`);
    const bad = await cli(['copy', key.id, '-f', 'yaml']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/must be one of key, env, header/);
  });

  it('uses the clipboard setting when --clear-after is not given', async () => {
    await createKey('default');
    // clearsAt is the moment of the copy plus the clear time; the copy happened while the command ran.
    const clearsAfter = async (): Promise<{ from: number; to: number }> => {
      const before = Date.now();
      const { clearsAt } = JSON.parse((await cli(['copy', 'default', '--json'])).stdout) as { clearsAt: string };
      const after = Date.now();
      return { from: Date.parse(clearsAt) - after, to: Date.parse(clearsAt) - before };
    };
    const standard = await clearsAfter();
    expect(standard.to).toBeGreaterThanOrEqual(30_000);
    expect(standard.from).toBeLessThanOrEqual(30_000);
    expect((await cli(['settings', '--clear-after', '10'])).code).toBe(0);
    const ten = await clearsAfter();
    expect(ten.to).toBeGreaterThanOrEqual(10_000);
    expect(ten.from).toBeLessThanOrEqual(10_000);
    expect((await cli(['settings', '--clear-after', 'never'])).code).toBe(0);
    expect((await cli(['copy', 'default'])).stdout).toContain('it is not cleared automatically');
  });

  it('counts as a use and is logged as copied (with its format)', async () => {
    const key = await createKey('used');
    await cli(['copy', 'used', '-f', 'env', '--clear-after', '0']);
    const view = parseJson<KeyView>(await cli(['view', key.id, '--json']));
    expect(view.usageCount).toBe(1);
    expect(view.lastUsedAt).not.toBeNull();
    const activity = parseJson<{ events: { type: string; detail?: string }[] }>(await cli(['activity', 'used', '--type', 'copied', '--json']));
    expect(activity.events).toEqual([expect.objectContaining({ type: 'copied', detail: 'env', keyId: key.id })]);
  });

  it('refuses revoked and expired keys, leaving the clipboard alone', async () => {
    const revoked = await createKey('revoked');
    await cli(['revoke', revoked.id, '-y']);
    const refusedRevoked = await cli(['copy', revoked.id]);
    expect(refusedRevoked.code).toBe(1);
    expect(refusedRevoked.stderr).toMatch(/^mcpkv: Key "revoked" is revoked; it cannot be copied/);
    const expired = await t.open(() => Date.now() - 10 * DAY).create({ name: 'expired', expiresInDays: 1 });
    const refusedExpired = await cli(['copy', 'expired']);
    expect(refusedExpired.code).toBe(1);
    expect(refusedExpired.stderr).toMatch(/is expired; it cannot be copied/);
    expect(refusedExpired.stderr.includes(expired.secret), 'holds the secret').toBe(false);
    expect(x.read()).toBe('before');
    expect(parseJson<KeyView>(await cli(['view', expired.id, '--json'])).usageCount).toBe(0);
  });

  it('says what is missing without a display', async () => {
    await createKey('nodisplay');
    const result = await cli(['copy', 'nodisplay'], { DISPLAY: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/needs a graphical session/);
  });

  it.skipIf(!onPath('xsel'))('works with xsel too (MCPKV_CLIPBOARD_TOOL=xsel), clearing when unchanged', async () => {
    const key = await createKey('xsel');
    const result = await cli(['copy', 'xsel', '--clear-after', '2'], { MCPKV_CLIPBOARD_TOOL: 'xsel' });
    expect(result.code).toBe(0);
    expect(x.read()).toBe(key.secret);
    expect(await until(() => x.read() !== key.secret, 6_000)).toBe(true);
    expect(x.read()).toBe('');
  });
});
