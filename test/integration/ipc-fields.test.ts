/**
 * A refused call says which request field it is about (`field`), through the real dispatcher and vault: a
 * payload main's schema rejects names zod's issue path, and the vault's own checks name the field they judge.
 * The renderer places its messages by this field, never by their words.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedError } from '../../shared/errors';
import { REQUIREMENT_VAR } from '../../shared/exports';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let ipc: IpcHarness;

beforeEach(() => {
  t = makeTestVault();
  ipc = makeIpcHarness(t.vault);
});
afterEach(async () => {
  await t.cleanup();
});

async function refused(channel: string, payload: unknown): Promise<SerializedError> {
  const envelope = await ipc.dispatch(channel, payload);
  if (envelope.ok) throw new Error(`${channel} was accepted`);
  return envelope.error;
}

async function addProject(): Promise<string> {
  const folder = path.join(t.home, 'project');
  fs.mkdirSync(folder);
  ipc.chooseFolderNext(folder);
  return (await ipc.ok<{ id: string }>('projects:add')).id;
}

describe('a refused call names its field', () => {
  it('a payload the schema refuses: zod issue path, dotted', async () => {
    const key = await ipc.ok<{ id: string }>('keys:create', { name: 'one' });
    expect(await refused('keys:create', { name: '   ' })).toEqual({ code: 'VALIDATION', message: 'Name is required', field: 'name' });
    expect(await refused('keys:create', { name: 'ok', permissions: ['read', 'Not A Scope'] })).toMatchObject({ field: 'permissions.1' });
    expect(await refused('keys:edit', { id: key.id, changes: { expiresInDays: -1 } })).toMatchObject({
      code: 'VALIDATION',
      message: 'Expiry must be 0 (never) or more days',
      field: 'changes.expiresInDays',
    });
    expect(await refused('settings:update', { defaultEnvVar: '1BAD' })).toMatchObject({ field: 'defaultEnvVar' });
    // An unknown field is about the request as a whole.
    expect((await refused('keys:create', { name: 'ok', extra: true })).field).toBeUndefined();
  });

  it('exports: each variable is checked by the one rule, and its problem is at keys.<i>.variable', async () => {
    const projectId = await addProject();
    const a = await ipc.ok<{ id: string }>('keys:create', { name: 'a' });
    const b = await ipc.ok<{ id: string }>('keys:create', { name: 'b' });
    const write = (keys: { keyId: string; variable: string }[], require = true) => ({ projectId, fileName: '.env', keys, require });
    expect(await refused('exports:preview', write([{ keyId: a.id, variable: 'SAME' }, { keyId: b.id, variable: 'SAME' }]))).toEqual({
      code: 'VALIDATION',
      message: 'Each key needs its own variable name.',
      field: 'keys.0.variable',
    });
    expect(await refused('exports:write', write([{ keyId: a.id, variable: 'OK' }, { keyId: b.id, variable: REQUIREMENT_VAR }]))).toMatchObject({ field: 'keys.1.variable' });
    expect(await refused('exports:write', { ...write([{ keyId: a.id, variable: 'OK' }]), fileName: '../.env' })).toMatchObject({ field: 'fileName' });
    await ipc.ok('exports:preview', write([{ keyId: a.id, variable: REQUIREMENT_VAR }], false));
    expect(fs.existsSync(path.join(t.home, 'project', '.env'))).toBe(false);
  });

  it("the vault's own checks: a taken name, a project that is gone, an unchanged value", async () => {
    await ipc.ok('keys:create', { name: 'taken' });
    expect(await refused('keys:create', { name: 'taken' })).toEqual({ code: 'CONFLICT', message: 'A key named "taken" already exists.', field: 'name' });

    const projectId = await addProject();
    const key = await ipc.ok<{ id: string }>('keys:create', { name: 'k' });
    fs.rmSync(path.join(t.home, 'project'), { recursive: true });
    expect(await refused('exports:preview', { projectId, fileName: '.env', keys: [{ keyId: key.id, variable: 'K' }], require: true })).toMatchObject({
      code: 'FILE_ERROR',
      field: 'projectId',
    });
    expect(await refused('projects:files', { projectId: 'abcdef0123456789' })).toMatchObject({ code: 'NOT_FOUND', field: 'projectId' });

    const imported = await ipc.ok<{ id: string }>('keys:create', { name: 'imp', importSecret: 'sk-imported-value-1' });
    expect(await refused('keys:rotate', { id: imported.id, newSecret: 'sk-imported-value-1' })).toMatchObject({ code: 'VALIDATION', field: 'newSecret' });
  });
});
