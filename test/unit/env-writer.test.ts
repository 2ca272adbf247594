import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../electron/core/atomic-write';
import { applyEnvFile, readEnvFile } from '../../electron/core/env-writer';
import { removeEnvVars, upsertEnv } from '../../shared/env-file';
import { VaultError } from '../../shared/errors';

const SECRET = 'mcp_sk_SECRETSECRETSECRETSECRETSECRETSECRET12';
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let dir: string;

beforeEach(async () => {
  dir = await fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), 'mcpkv-envw-')));
});

afterEach(async () => {
  await fsp.chmod(dir, 0o755).catch(() => {});
  for (const sub of await fsp.readdir(dir)) await fsp.chmod(path.join(dir, sub), 0o755).catch(() => {});
  await fsp.rm(dir, { recursive: true, force: true });
});

const set = (name: string, value: string) => (text: string) => upsertEnv(text, [{ name, value }]);
const mode = async (file: string) => (await fsp.stat(file)).mode & 0o777;

/** The directory holds exactly these names: in particular no temp file is left behind. */
async function expectEntries(folder: string, names: string[]) {
  expect((await fsp.readdir(folder)).sort()).toEqual([...names].sort());
}

async function expectFileError(promise: Promise<unknown>, words: RegExp): Promise<VaultError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a FILE_ERROR');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VaultError);
  expect((error as VaultError).code).toBe('FILE_ERROR');
  expect((error as VaultError).message).toMatch(words);
  expect((error as VaultError).message.includes(SECRET), 'holds the secret').toBe(false);
  return error as VaultError;
}

describe('applyEnvFile', () => {
  it('creates a missing file with mode 0600', async () => {
    const file = path.join(dir, '.env');
    const result = await applyEnvFile(file, set('API_KEY', SECRET));
    expect(result).toEqual({ file, changed: ['API_KEY'], created: true });
    expect(await fsp.readFile(file, 'utf8')).toBe(`API_KEY=${SECRET}\n`);
    expect(await mode(file)).toBe(0o600);
    await expectEntries(dir, ['.env']);
  });

  it('creates 0600 even under a permissive umask', async () => {
    const old = process.umask(0);
    try {
      const file = path.join(dir, '.env');
      await applyEnvFile(file, set('A', '1'));
      expect(await mode(file)).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('keeps the mode of an existing file', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, '# mine\nA=1\n');
    await fsp.chmod(file, 0o640);
    const result = await applyEnvFile(file, set('A', '2'));
    expect(result).toEqual({ file, changed: ['A'], created: false });
    expect(await fsp.readFile(file, 'utf8')).toBe('# mine\nA=2\n');
    expect(await mode(file)).toBe(0o640);
  });

  it('keeps CRLF line endings and a UTF-8 BOM', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A=1\r\nB=2\r\n')]));
    await applyEnvFile(file, (t) => upsertEnv(t, [{ name: 'B', value: 'x' }, { name: 'C', value: 'é' }]));
    const bytes = await fsp.readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // A value with anything but plain ASCII characters is single-quoted, so a shell reads it literally too.
    expect(bytes.subarray(3).toString('utf8')).toBe("A=1\r\nB=x\r\nC='é'\r\n");
  });

  it('writes through a symlink, which stays a symlink', async () => {
    await fsp.mkdir(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'shared.env');
    await fsp.writeFile(target, 'A=1\n');
    await fsp.chmod(target, 0o644);
    const link = path.join(dir, '.env');
    await fsp.symlink('real/shared.env', link);

    const result = await applyEnvFile(link, set('A', '2'));
    expect(result.changed).toEqual(['A']);
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fsp.readlink(link)).toBe('real/shared.env');
    expect(await fsp.readFile(target, 'utf8')).toBe('A=2\n');
    expect(await mode(target)).toBe(0o644);
    await expectEntries(dir, ['.env', 'real']);
    await expectEntries(path.join(dir, 'real'), ['shared.env']);
  });

  it('creates the target of a dangling symlink, keeping the link', async () => {
    const link = path.join(dir, '.env');
    await fsp.symlink('later.env', link);
    const result = await applyEnvFile(link, set('A', '1'));
    expect(result.created).toBe(true);
    expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fsp.readFile(path.join(dir, 'later.env'), 'utf8')).toBe('A=1\n');
  });

  it('refuses a directory', async () => {
    const folder = path.join(dir, '.env');
    await fsp.mkdir(folder);
    await expectFileError(applyEnvFile(folder, set('A', SECRET)), /not a regular file/);
    await expectEntries(folder, []);
  });

  it('refuses a missing folder without creating anything', async () => {
    const file = path.join(dir, 'nope', '.env');
    await expectFileError(applyEnvFile(file, set('A', SECRET)), /Folder .*nope does not exist/);
    await expectEntries(dir, []);
  });

  it('refuses a file over 5 MiB and leaves it unchanged', async () => {
    const file = path.join(dir, '.env');
    const big = `A=1\n${'# padding padding padding padding\n'.repeat((6 * 1024 * 1024) / 34)}`;
    await fsp.writeFile(file, big);
    const before = await fsp.stat(file);
    expect(before.size).toBeGreaterThan(5 * 1024 * 1024);
    await expectFileError(applyEnvFile(file, set('A', SECRET)), /too large/);
    expect((await fsp.stat(file)).mtimeMs).toBe(before.mtimeMs);
    expect(await fsp.readFile(file, 'utf8')).toBe(big);
    await expectEntries(dir, ['.env']);
  });

  it('honours a smaller maxBytes', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, 'A=1\nB=2\n');
    await expectFileError(applyEnvFile(file, set('A', '3'), { maxBytes: 4 }), /too large/);
    expect(await fsp.readFile(file, 'utf8')).toBe('A=1\nB=2\n');
    await applyEnvFile(file, set('A', '3'), { maxBytes: 8 });
    expect(await fsp.readFile(file, 'utf8')).toBe('A=3\nB=2\n');
  });

  it.each([
    ['NUL bytes', Buffer.from(`A=${SECRET}\n\0\0\0binary`)],
    ['invalid UTF-8', Buffer.concat([Buffer.from(`A=${SECRET}\n`), Buffer.from([0xff, 0xfe, 0x41])])],
  ])('refuses a file with %s and leaves it unchanged', async (_label, bytes) => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, bytes);
    await expectFileError(applyEnvFile(file, set('A', '1')), /not UTF-8 text/);
    expect(Buffer.compare(await fsp.readFile(file), bytes)).toBe(0);
    await expectEntries(dir, ['.env']);
  });

  it('does not touch the file when nothing changes', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, 'A="1" # same\n');
    const past = new Date('2001-02-03T04:05:06Z');
    await fsp.utimes(file, past, past);
    const before = await fsp.stat(file);

    const result = await applyEnvFile(file, set('A', '1'));
    expect(result).toEqual({ file, changed: [], created: false });
    const after = await fsp.stat(file);
    expect(after.mtimeMs).toBe(past.getTime());
    expect(after.ino).toBe(before.ino);
    await expectEntries(dir, ['.env']);
  });

  it('does not create a file for an edit that adds nothing', async () => {
    const file = path.join(dir, '.env');
    const result = await applyEnvFile(file, (t) => removeEnvVars(t, ['A']));
    expect(result).toEqual({ file, changed: [], created: false });
    await expectEntries(dir, []);
  });

  it('lets the edit refuse, leaving the file alone', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, 'A=1\n');
    const error = await applyEnvFile(file, set('A', `${SECRET}\n`)).catch((e: unknown) => e);
    expect((error as VaultError).code).toBe('VALIDATION');
    expect((error as VaultError).message.includes(SECRET), 'holds the secret').toBe(false);
    expect(await fsp.readFile(file, 'utf8')).toBe('A=1\n');
  });

  it('removes variables in place', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, '# keep\nA=1\nB="x\ny"\nC=3');
    const result = await applyEnvFile(file, (t) => removeEnvVars(t, ['B', 'C']));
    expect(result.changed).toEqual(['B', 'C']);
    expect(await fsp.readFile(file, 'utf8')).toBe('# keep\nA=1');
  });

  describe('a file that receives a secret', () => {
    it.each([
      ['644', 0o644],
      ['640', 0o640],
      ['606', 0o606],
    ])('ends up owner-only when it was %s, and says what it was', async (was, loose) => {
      const file = path.join(dir, '.env');
      await fsp.writeFile(file, 'A=1\n');
      await fsp.chmod(file, loose);
      const result = await applyEnvFile(file, set('A', SECRET), { secret: true });
      expect(result).toEqual({ file, changed: ['A'], created: false, tightened: { was, now: '600' } });
      expect(await mode(file)).toBe(0o600);
    });

    it('says nothing when the file was owner-only already, and keeps other modes for files without a secret', async () => {
      const file = path.join(dir, '.env');
      await fsp.writeFile(file, 'A=1\n');
      await fsp.chmod(file, 0o600);
      expect(await applyEnvFile(file, set('A', SECRET), { secret: true })).toEqual({ file, changed: ['A'], created: false });
      await fsp.chmod(file, 0o644);
      expect(await applyEnvFile(file, set('B', '1'))).toEqual({ file, changed: ['B'], created: false });
      expect(await mode(file)).toBe(0o644);
    });
  });

  it.runIf(isRoot)('refuses a file that belongs to another user, leaving it as it is', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, 'A=1\n');
    await fsp.chmod(file, 0o644);
    await fsp.chown(file, 1234, 1234);
    const error = await applyEnvFile(file, set('A', SECRET), { secret: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('FORBIDDEN');
    expect((error as VaultError).message).toBe(`${file} belongs to another user; it is not written.`);
    const st = await fsp.stat(file);
    expect([st.uid, st.mode & 0o777]).toEqual([1234, 0o644]);
    expect(await fsp.readFile(file, 'utf8')).toBe('A=1\n');
    await expectEntries(dir, ['.env']);
  });

  describe('a link leading out of the file\'s folder', () => {
    let outside: string;
    let project: string;

    beforeEach(async () => {
      outside = path.join(dir, 'notes.txt');
      await fsp.writeFile(outside, 'KEEP=1\n');
      project = path.join(dir, 'project');
      await fsp.mkdir(project);
    });

    it.each([
      ['straight out', async (link: string) => fsp.symlink('../notes.txt', link)],
      ['through a link inside first', async (link: string) => {
        await fsp.symlink('../notes.txt', path.join(project, 'hop'));
        await fsp.symlink('hop', link);
      }],
    ])('is refused (%s), for reading and writing, and the file it names is untouched', async (_label, plant) => {
      const link = path.join(project, '.env');
      await plant(link);
      // One at a time: a second call started early could reject while the first is awaited (unhandled).
      for (const attempt of [() => applyEnvFile(link, set('A', SECRET), { secret: true }), () => readEnvFile(link)]) {
        const error = await attempt().catch((e: unknown) => e);
        expect((error as VaultError).code).toBe('FORBIDDEN');
        expect((error as VaultError).message).toBe(`${link} is a link to a place outside its folder; it is not written.`);
      }
      expect(await fsp.readFile(outside, 'utf8')).toBe('KEEP=1\n');
    });

    it('is written through with followLinks, naming the file written', async () => {
      const link = path.join(project, '.env');
      await fsp.symlink('../notes.txt', link);
      const result = await applyEnvFile(link, set('A', '1'), { followLinks: true });
      expect(result).toEqual({ file: outside, changed: ['A'], created: false });
      expect(await fsp.readFile(outside, 'utf8')).toBe('KEEP=1\nA=1\n');
      expect((await fsp.lstat(link)).isSymbolicLink()).toBe(true);
    });
  });

  describe('a folder that may not be written to', () => {
    let ro: string;
    let file: string;

    beforeEach(async () => {
      await fsp.chmod(dir, 0o755); // so that another user can reach it
      ro = path.join(dir, 'ro');
      await fsp.mkdir(ro);
      file = path.join(ro, '.env');
      await fsp.writeFile(file, 'A=1\n');
      await fsp.chmod(file, 0o644);
      await fsp.chmod(ro, 0o555);
    });

    it('is a FILE_ERROR naming the file, and nothing changes', async () => {
      if (isRoot) {
        // Root ignores permission bits, so run the writer as an unprivileged user (owning the file: another
        // user's file is refused before any permission matters).
        await fsp.chown(file, NOBODY, NOBODY);
        const out = await runAs(NOBODY, file);
        expect(out.error?.code).toBe('FILE_ERROR');
        expect(out.error?.message).toBe(`Permission denied: cannot write ${file}.`);
      } else {
        const error = await expectFileError(applyEnvFile(file, set('A', SECRET)), /Permission denied/);
        expect(error.message).toContain(file);
      }
      expect(await fsp.readFile(file, 'utf8')).toBe('A=1\n');
      await expectEntries(ro, ['.env']);
    });

    it.runIf(isRoot)('does not stop root, for whom permission bits do not apply', async () => {
      await applyEnvFile(file, set('A', '2'));
      expect(await fsp.readFile(file, 'utf8')).toBe('A=2\n');
      expect(await mode(file)).toBe(0o644);
      await expectEntries(ro, ['.env']);
    });
  });
});

describe('readEnvFile', () => {
  it('returns null for a missing file, even in a missing folder', async () => {
    expect(await readEnvFile(path.join(dir, '.env'))).toBeNull();
    expect(await readEnvFile(path.join(dir, 'nope', '.env'))).toBeNull();
  });

  it('returns the text, BOM included', async () => {
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, '\uFEFFA=1\r\n');
    expect(await readEnvFile(file)).toBe('\uFEFFA=1\r\n');
  });

  it('applies the same checks as applyEnvFile', async () => {
    await expectFileError(readEnvFile(dir), /not a regular file/);
    const file = path.join(dir, '.env');
    await fsp.writeFile(file, Buffer.from([0x41, 0x00]));
    await expectFileError(readEnvFile(file), /not UTF-8 text/);
    await fsp.writeFile(file, 'A=1\n');
    await expectFileError(readEnvFile(file, { maxBytes: 2 }), /too large/);
  });
});

describe('writeFileAtomic', () => {
  for (const [label, write] of [
    ['async', writeFileAtomic],
    ['sync', async (...args: Parameters<typeof writeFileAtomicSync>) => writeFileAtomicSync(...args)],
  ] as const) {
    describe(label, () => {
      it('creates 0600 by default, or the given mode', async () => {
        await write(path.join(dir, 'a'), 'x');
        await write(path.join(dir, 'b'), Buffer.from('y'), { mode: 0o644 });
        expect(await mode(path.join(dir, 'a'))).toBe(0o600);
        expect(await mode(path.join(dir, 'b'))).toBe(0o644);
        expect(await fsp.readFile(path.join(dir, 'b'), 'utf8')).toBe('y');
      });

      it('replaces by rename (a new inode), keeping the old mode over opts.mode', async () => {
        const file = path.join(dir, 'f');
        await fsp.writeFile(file, 'old');
        await fsp.chmod(file, 0o604);
        const before = await fsp.stat(file);
        await write(file, 'new', { mode: 0o600 });
        const after = await fsp.stat(file);
        expect(await fsp.readFile(file, 'utf8')).toBe('new');
        expect(after.ino).not.toBe(before.ino);
        expect(after.mode & 0o777).toBe(0o604);
        await expectEntries(dir, ['f']);
      });

      it('follows a chain of symlinks to the final file', async () => {
        await fsp.writeFile(path.join(dir, 'real'), 'old');
        await fsp.symlink('real', path.join(dir, 'l1'));
        await fsp.symlink(path.join(dir, 'l1'), path.join(dir, 'l2'));
        await write(path.join(dir, 'l2'), 'new');
        expect(await fsp.readFile(path.join(dir, 'real'), 'utf8')).toBe('new');
        expect((await fsp.lstat(path.join(dir, 'l1'))).isSymbolicLink()).toBe(true);
        expect((await fsp.lstat(path.join(dir, 'l2'))).isSymbolicLink()).toBe(true);
        await expectEntries(dir, ['l1', 'l2', 'real']);
      });

      it('fails on a symlink loop', async () => {
        await fsp.symlink('b', path.join(dir, 'a'));
        await fsp.symlink('a', path.join(dir, 'b'));
        await expect(write(path.join(dir, 'a'), 'x')).rejects.toMatchObject({ code: 'ELOOP' });
        await expectEntries(dir, ['a', 'b']);
      });

      it('removes its temp file when the final rename fails', async () => {
        // A non-empty directory cannot be replaced by a file: the temp file is written, then the rename fails.
        const target = path.join(dir, 'busy');
        await fsp.mkdir(target);
        await fsp.writeFile(path.join(target, 'inside'), 'x');
        await expect(write(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) });
        await expectEntries(dir, ['busy']);
        await expectEntries(target, ['inside']);
      });
    });
  }
});

/**
 * Runs applyEnvFile as another user in a child process (bundled with esbuild), writing SECRET into `file`.
 * Returns what it threw, or its result.
 */
async function runAs(uid: number, file: string): Promise<{ error?: { code: string; message: string }; result?: unknown }> {
  const repo = fileURLToPath(new URL('../..', import.meta.url));
  const bundle = path.join(dir, 'writer.mjs');
  await build({
    stdin: {
      contents: "export { applyEnvFile } from './electron/core/env-writer'; export { upsertEnv } from './shared/env-file';",
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  await fsp.chmod(bundle, 0o644);
  const script = `
    const { applyEnvFile, upsertEnv } = await import(${JSON.stringify(`file://${bundle}`)});
    try {
      const result = await applyEnvFile(${JSON.stringify(file)}, (t) => upsertEnv(t, [{ name: 'A', value: ${JSON.stringify(SECRET)} }]));
      console.log(JSON.stringify({ result }));
    } catch (e) {
      console.log(JSON.stringify({ error: { code: e.code, message: e.message } }));
    }`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    uid,
    gid: uid,
    cwd: '/',
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(child.status, child.stderr).toBe(0);
  fs.rmSync(bundle);
  return JSON.parse(child.stdout);
}
