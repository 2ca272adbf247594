/**
 * `mcpkv`'s compile cache (bin/mcpkv.js): Node's on-disk code cache, kept in the user's own cache folder — never a
 * shared one another local user could have created first — and not used at all when that folder is not private.
 */
import fs from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, runProcess } from '../helpers/process';

// Node 22.1+ has module.enableCompileCache; CI runs Node 22 (.ci/run), this machine may run 20.
const hasCompileCache = typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

let cacheHome: string;
beforeEach(() => {
  cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-cache-'));
});
afterEach(() => fs.rmSync(cacheHome, { recursive: true, force: true }));

const version = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return runProcess(process.execPath, [path.join(repoRoot, 'bin/mcpkv.js'), '--version'], env);
};
const cacheDir = () => path.join(cacheHome, 'mcp-key-vault', 'compile-cache');

describe.runIf(hasCompileCache && process.platform !== 'win32')('the compile cache', () => {
  it('is written to the user\'s cache folder, created owner-only', async () => {
    expect((await version()).code).toBe(0);
    expect(fs.statSync(cacheDir()).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(cacheDir()).length).toBeGreaterThan(0);
  });

  it('is not used when its folder can be written by others', async () => {
    fs.mkdirSync(cacheDir(), { recursive: true });
    fs.chmodSync(cacheDir(), 0o777);
    const result = await version();
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fs.readdirSync(cacheDir())).toEqual([]);
  });
});
describe.skipIf(hasCompileCache && process.platform !== 'win32')('the compile cache', () => {
  it.skip(`is not checked here: Node ${process.versions.node} has no module.enableCompileCache (22.1+), or this is Windows`, () => undefined);
});
