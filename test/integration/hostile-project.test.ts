/**
 * A project folder the vault does not control: writable by another user (0777), or prepared by someone hostile.
 * Real folders, real git, the real keychain, the app's main side (createMainSide's dispatcher) and the real CLI.
 *
 * - A second process swapping `.env` between a file and a link to a file outside never gets a key written outside.
 * - A file that receives a key ends up owner-only, and the user is told; another user's file is refused.
 * - Git is asked with every program a repository's config could name switched off.
 * - "Add to .gitignore" never writes through a link leading out of the project.
 * - `mcpkv use` refuses a `.env` linking out of its folder unless given --follow-symlinks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportsService } from '../../electron/core/exports/exports-service';
import type { ExportReport, GitState, ProjectWriteResult } from '../../shared/exports';
import type { KeyWithSecret } from '../../shared/types';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { git } from '../helpers/process';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

const isRoot = process.getuid?.() === 0;

let t: TestVault;
let ipc: IpcHarness;
let projectDir: string;
let outside: string;

beforeEach(() => {
  t = makeTestVault();
  projectDir = path.join(t.home, 'shared-project');
  fs.mkdirSync(projectDir);
  outside = path.join(t.home, 'elsewhere', 'notes.txt');
  fs.mkdirSync(path.dirname(outside));
  fs.writeFileSync(outside, 'KEEP=1\n');
  ipc = makeIpcHarness(t.vault);
  ipc.chooseFolderNext(projectDir);
});
afterEach(async () => {
  await t.cleanup();
});

const ok = <T>(channel: string, payload: unknown = {}) => ipc.ok<T>(channel, payload);
const fails = (channel: string, payload: unknown, code: string) => ipc.fails(channel, payload, code);
const cli = (args: string[], cwd?: string) => runCli(args, t.env, { cwd });
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

async function addProject(): Promise<string> {
  return (await ok<{ id: string }>('projects:add')).id;
}

function writeRequest(projectId: string, keyId: string, fileName = '.env') {
  return { projectId, fileName, keys: [{ keyId, variable: 'MCP_API_KEY' }], require: true };
}

/** The outside file exactly as it was: same content, same inode, same modification time (compared, never printed). */
function expectUntouched(file: string, before: fs.Stats, content: string) {
  const after = fs.statSync(file);
  expect(fs.readFileSync(file, 'utf8') === content, `${file} holds what it held`).toBe(true);
  expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
}

describe('a second process swapping .env for a link to a file outside', () => {
  let swapper: ChildProcess | undefined;

  afterEach(async () => {
    if (swapper && swapper.exitCode === null) {
      const exited = new Promise((resolve) => swapper!.once('exit', resolve));
      swapper.kill('SIGKILL');
      await exited;
    }
    swapper = undefined;
  });

  /**
   * Another process (another user, in a 0777 folder) renames a link to `target` and a plain file over `file`, in
   * turn, as fast as it can. Resolves once it has done so at least once.
   */
  async function startSwapper(file: string, target: string): Promise<void> {
    const script = `
      const fs = require('node:fs');
      const [file, target] = process.argv.slice(1);
      const link = file + '-swap-link', plain = file + '-swap-file';
      // Each state is held for a moment (the link up to 2 ms, the file up to 20 ms), so that the swaps land at
      // every step of a write, and some writes find a plain file all along.
      const hold = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      for (let round = 0; ; round++) {
        try { fs.symlinkSync(target, link); fs.renameSync(link, file); } catch {}
        hold(Math.random() * 2);
        try { fs.writeFileSync(plain, 'A=1\\n'); fs.renameSync(plain, file); } catch {}
        hold(Math.random() * 20);
        if (round === 0) fs.writeFileSync(file + '-swapping', '');
      }`;
    swapper = spawn(process.execPath, ['-e', script, file, target], { stdio: 'ignore' });
    for (let tries = 0; !fs.existsSync(`${file}-swapping`); tries++) {
      expect(tries, 'the swapper started').toBeLessThan(2000);
      expect(swapper.exitCode, 'the swapper is running').toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('never gets the key written outside, over hundreds of writes through the app', async () => {
    fs.chmodSync(projectDir, 0o777);
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'raced' });
    const before = fs.statSync(outside);
    await startSwapper(path.join(projectDir, '.env'), outside);

    const outcomes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const reply = await ipc.dispatch('exports:write', writeRequest(id, key.id));
      const outcome = reply.ok ? 'written' : reply.error.code;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }

    expectUntouched(outside, before, 'KEEP=1\n');
    // The race was run: some writes found the file (and wrote it), others found the link (and refused it).
    expect([...outcomes.keys()].sort()).toEqual(['FORBIDDEN', 'written']);
  });
});

describe('a file that receives a key', () => {
  it('ends up owner-only, and the app says what it was', async () => {
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'tight' });
    const env = path.join(projectDir, '.env');
    fs.writeFileSync(env, 'PORT=3000\n'); // what `cp .env.example .env` gives
    fs.chmodSync(env, 0o644);

    const result = await ok<ProjectWriteResult>('exports:write', writeRequest(id, key.id));
    expect(result.tightened).toEqual({ was: '644', now: '600' });
    expect(mode(env)).toBe('600');
    // Already owner-only: nothing to say.
    fs.writeFileSync(env, 'PORT=3000\n');
    expect(await ok<ProjectWriteResult>('exports:write', writeRequest(id, key.id))).not.toHaveProperty('tightened');
  });

  it('ends up owner-only after a rotation rewrote it, and the report says what it was', async () => {
    const key = await t.vault.create({ name: 'rotated' });
    const env = path.join(projectDir, '.env');
    fs.writeFileSync(env, '');
    await new ExportsService(t.vault).use(key.id, { envPath: env });
    fs.chmodSync(env, 0o640);
    const rotated = await t.vault.rotate(key.id);
    expect(rotated.exports).toEqual<ExportReport[]>([
      { file: env, variable: 'MCP_API_KEY', outcome: 'updated', message: '.env was 640, now 600: other users could read it, now only you can.' },
    ]);
    expect(mode(env)).toBe('600');
  });

  it('ends up owner-only through `mcpkv use`, said in its text and its JSON', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'cli-key', '--json']));
    const env = path.join(projectDir, '.env');
    fs.writeFileSync(env, 'PORT=3000\n');
    fs.chmodSync(env, 0o644);
    const text = await cli(['use', key.id], projectDir);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')).toContain('.env was 644, now 600: other users could read it, now only you can.');
    expect(mode(env)).toBe('600');

    fs.chmodSync(env, 0o604);
    const json = parseJson<{ file: string; changed: string[]; tightened?: unknown }>(await cli(['use', key.id, '--var', 'OTHER_KEY', '--json'], projectDir));
    expect(json).toEqual({ file: env, changed: ['OTHER_KEY'], tightened: { was: '604', now: '600' } });
    expect(mode(env)).toBe('600');
  });

  it.runIf(isRoot)('is refused when it belongs to another user, by the app and by the CLI', async () => {
    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'theirs' });
    const env = path.join(projectDir, '.env');
    fs.writeFileSync(env, 'THEIRS=1\n');
    fs.chmodSync(env, 0o644);
    fs.chownSync(env, 1234, 1234);

    expect(await fails('exports:write', writeRequest(id, key.id), 'FORBIDDEN')).toBe(`${env} belongs to another user; it is not written.`);
    const run = await cli(['use', key.id], projectDir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`mcpkv: ${env} belongs to another user; it is not written.\n`);
    const st = fs.statSync(env);
    expect([st.uid, st.mode & 0o777]).toEqual([1234, 0o644]);
    expect(fs.readFileSync(env, 'utf8') === 'THEIRS=1\n', 'their file holds what it held').toBe(true);
  });
});

describe('git, asked about a repository whose config names programs', () => {
  it('runs none of them: not on listing files, preview, write, "Add to .gitignore", scan, nor `mcpkv use`', async () => {
    const marker = path.join(t.home, 'ran');
    const program = path.join(t.home, 'planted.sh');
    fs.writeFileSync(program, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nexit 1\n`, { mode: 0o755 });
    const hooks = path.join(t.home, 'hooks');
    fs.mkdirSync(hooks);
    for (const hook of ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'fsmonitor-watchman']) {
      fs.copyFileSync(program, path.join(hooks, hook));
      fs.chmodSync(path.join(hooks, hook), 0o755);
    }
    git(projectDir, 'init', '-q');
    fs.writeFileSync(path.join(projectDir, '.env'), 'PORT=3000\n');
    git(projectDir, 'add', '.env'); // tracked, so ls-files has something to answer about
    for (const [setting, value] of [
      ['core.fsmonitor', program],
      ['core.hooksPath', hooks],
      ['core.pager', program],
      ['core.sshCommand', program],
      ['core.editor', program],
      ['core.askPass', program],
      ['diff.external', program],
      ['credential.helper', `!${program}`],
      ['gpg.program', program],
    ] as const) {
      git(projectDir, 'config', setting, value);
    }
    fs.rmSync(marker, { force: true }); // our own set-up above ran git with that config

    const id = await addProject();
    const key = await ok<KeyWithSecret>('keys:create', { name: 'k' });
    const files = await ok<{ name: string; git: GitState }[]>('projects:files', { projectId: id });
    expect(files).toEqual([{ name: '.env', size: 10, git: { repo: true, ignored: false, tracked: true } }]);
    await ok('exports:preview', writeRequest(id, key.id, '.env.local'));
    expect((await ok<ProjectWriteResult>('exports:write', writeRequest(id, key.id, '.env.local'))).git).toEqual({ repo: true, ignored: false, tracked: false });
    expect(await ok<GitState>('exports:ignoreInGit', { projectId: id, fileName: '.env.local' })).toEqual({ repo: true, ignored: true, tracked: false });
    await ok('projects:scan', { projectId: id });
    expect((await cli(['use', key.id, '--env', '.env.cli'], projectDir)).code).toBe(0);

    expect(fs.existsSync(marker), fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : 'no marker').toBe(false);
  });
});

describe('"Add to .gitignore" and a .gitignore that is a link', () => {
  it('refuses a link leading out of the project and leaves its target alone; a link inside is written through', async () => {
    const id = await addProject();
    git(projectDir, 'init', '-q');
    const before = fs.statSync(outside);
    fs.symlinkSync(path.relative(projectDir, outside), path.join(projectDir, '.gitignore'));

    const message = await fails('exports:ignoreInGit', { projectId: id, fileName: '.env' }, 'FORBIDDEN');
    expect(message).toBe(`${path.join(projectDir, '.gitignore')} is a link to a place outside its folder; it is not written.`);
    expectUntouched(outside, before, 'KEEP=1\n');

    fs.rmSync(path.join(projectDir, '.gitignore'));
    fs.mkdirSync(path.join(projectDir, 'config'));
    fs.writeFileSync(path.join(projectDir, 'config', 'ignore'), 'node_modules\n');
    fs.symlinkSync('config/ignore', path.join(projectDir, '.gitignore'));
    // (git itself does not read a .gitignore that is a link, so it still answers "not ignored".)
    await ok<GitState>('exports:ignoreInGit', { projectId: id, fileName: '.env' });
    expect(fs.readFileSync(path.join(projectDir, 'config', 'ignore'), 'utf8')).toBe('node_modules\n/.env\n');
    expect(fs.lstatSync(path.join(projectDir, '.gitignore')).isSymbolicLink()).toBe(true);
  });
});

describe('mcpkv use and a ./.env that links out of its folder', () => {
  it('refuses, naming --follow-symlinks, and writes through the link only when given it', async () => {
    const key = parseJson<KeyWithSecret>(await cli(['create', 'linked', '--json']));
    const link = path.join(projectDir, '.env');
    fs.symlinkSync('../elsewhere/notes.txt', link);
    const before = fs.statSync(outside);

    for (const args of [['use', key.id], ['enable-requirement']]) {
      const refused = await cli(args, projectDir);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toBe(`mcpkv: ${link} is a link to a place outside its folder; it is not written. To write through it anyway, pass --follow-symlinks.\n`);
    }
    expectUntouched(outside, before, 'KEEP=1\n');

    const help = await cli(['use', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('--follow-symlinks write through a .env that is a symlink leading out of its own folder');

    const followed = parseJson<{ file: string; changed: string[] }>(await cli(['use', key.id, '--follow-symlinks', '--json'], projectDir));
    expect(followed).toMatchObject({ file: outside, changed: ['MCP_API_KEY', 'API_KEY_REQUIRED'] });
    expect(parse(fs.readFileSync(outside, 'utf8')).MCP_API_KEY === key.secret, 'the key is in the file the link names').toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });
});
