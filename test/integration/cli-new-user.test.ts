/**
 * What a new user hit in a day with `mcpkv` (issue 13): the CLI's checks and words, as a real process on the
 * real keychain, real files and real git.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../shared/doctor';
import type { KeyWithSecret } from '../../shared/types';
import { keytar, makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let work: string;
beforeEach(() => {
  t = makeTestVault();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-work-'));
});
afterEach(async () => {
  await t.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

const cli = (args: string[], input?: string, cwd?: string) => runCli(args, t.env, { input, cwd });
const create = async (name: string, ...args: string[]) => parseJson<KeyWithSecret>(await cli(['create', name, '--json', ...args]));

describe('one exit-code rule', () => {
  it('doctor with findings exits 1 with and without --json', async () => {
    const key = await create('lost');
    await keytar.deletePassword(t.service, key.id);
    const plain = await cli(['doctor']);
    const json = await cli(['doctor', '--json']);
    expect(plain.code).toBe(1);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as DoctorReport).findings.map((f) => f.kind)).toEqual(['missing-secret']);
  });
});

describe('advice for inactive keys', () => {
  it('copy on a revoked key does not advise a rotation that rotate refuses', async () => {
    const key = await create('gone');
    await cli(['revoke', key.id, '-y']);
    const copy = await cli(['copy', key.id]);
    expect(copy.code).toBe(1);
    expect(copy.stderr).not.toMatch(/rotate it/i);
    expect(copy.stderr).toMatch(/revoked.*create a new key/i);
    const use = await cli(['use', key.id, '--env', path.join(work, '.env')]);
    expect(use.stderr).not.toMatch(/rotate it/i);
    expect(use.stderr).toMatch(/create a new key/i);
  });
});
