/**
 * The writer of files in project folders, at the two moments a swap can slip in: after the target was first
 * looked at, and after the folder was opened. The swaps are made from inside the write (the mode callback runs
 * between the first look and the rename), so each case is hit every time; test/integration/hostile-project.test.ts
 * races a real swapper process against the app's writes.
 */
import { mkdirSync, renameSync, symlinkSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkRefusedError, locate, OpenedFolder } from '../../electron/core/contained-file';
import { VaultError } from '../../shared/errors';

let dir: string;
let project: string;
let outside: string;

beforeEach(async () => {
  dir = await fsp.realpath(await fsp.mkdtemp(path.join(os.tmpdir(), 'mcpkv-contained-')));
  project = path.join(dir, 'project');
  await fsp.mkdir(project);
  outside = path.join(dir, 'outside.txt');
  await fsp.writeFile(outside, 'KEEP=1\n');
});

afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const entries = async (folder: string) => (await fsp.readdir(folder)).sort();

describe('OpenedFolder.replace', () => {
  it('checks the target again right before the rename: a link planted after the first look is refused', async () => {
    const env = path.join(project, '.env');
    await fsp.writeFile(env, 'A=1\n');
    const refused = await OpenedFolder.use(project, (folder) =>
      folder.replace('.env', 'A=2\n', {
        mode: () => {
          swapForLinkSync(env, outside);
          return 0o600;
        },
      }),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LinkRefusedError);
    expect(await fsp.readFile(outside, 'utf8')).toBe('KEEP=1\n');
    expect((await fsp.lstat(env)).isSymbolicLink()).toBe(true); // left as the swapper left it, not replaced
    expect(await entries(project)).toEqual(['.env']); // no temp file left behind
  });

  it('refuses when the folder was moved and another put in its place after it was opened', async () => {
    const moved = path.join(dir, 'moved');
    const refused = await OpenedFolder.use(project, (folder) =>
      folder.replace('.env', 'A=2\n', {
        // Synchronous on purpose: the swap is complete when the mode callback returns.
        mode: () => {
          renameSync(project, moved);
          mkdirSync(project);
          return 0o600;
        },
      }),
    ).catch((e: unknown) => e);
    expect((refused as VaultError).message).toBe(`The folder ${project} was moved or replaced; nothing was written.`);
    expect(await entries(project)).toEqual([]);
    expect(await entries(moved)).toEqual([]);
  });

  it('refuses when the folder was swapped for a link to another folder', async () => {
    const elsewhere = path.join(dir, 'elsewhere');
    await fsp.mkdir(elsewhere);
    const refused = await OpenedFolder.use(project, (folder) =>
      folder.replace('.env', 'A=2\n', {
        mode: () => {
          renameSync(project, path.join(dir, 'aside'));
          symlinkSync(elsewhere, project);
          return 0o600;
        },
      }),
    ).catch((e: unknown) => e);
    expect((refused as VaultError).message).toMatch(/was moved or replaced; nothing was written/);
    expect(await entries(elsewhere)).toEqual([]);
  });
});

describe('locate', () => {
  it('follows links that stay in the folder (also to a file not there yet), and names the file they lead to', async () => {
    await fsp.mkdir(path.join(project, 'config'));
    await fsp.symlink('config/app.env', path.join(project, '.env'));
    expect(await locate(path.join(project, '.env'))).toEqual({ dir: path.join(project, 'config'), name: 'app.env', file: path.join(project, 'config', 'app.env') });
    expect(await locate(path.join(project, '.env.plain'))).toEqual({ dir: project, name: '.env.plain', file: path.join(project, '.env.plain') });
  });

  it('refuses a link out of the folder, unless told to follow it', async () => {
    await fsp.symlink(outside, path.join(project, '.env'));
    await expect(locate(path.join(project, '.env'))).rejects.toBeInstanceOf(LinkRefusedError);
    expect(await locate(path.join(project, '.env'), true)).toEqual({ dir, name: 'outside.txt', file: outside });
  });
});

/** Synchronous on purpose: the swap is complete when the mode callback returns. */
function swapForLinkSync(file: string, target: string): void {
  const link = `${file}.link`;
  symlinkSync(target, link);
  renameSync(link, file);
}
