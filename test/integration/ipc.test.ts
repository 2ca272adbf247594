/**
 * The IPC layer as the renderer meets it: the real handlers and vault behind the dispatcher, every
 * payload validated against the contract.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedError } from '../../shared/errors';
import { REQUIREMENT_VAR } from '../../shared/exports';
import { IPC_CHANNELS } from '../../shared/ipc-contract';
import { createDispatcher } from '../../electron/main/ipc-dispatch';
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

const ok = <T>(channel: string, payload: unknown) => ipc.ok<T>(channel, payload);
const fails = (channel: string, payload: unknown, code: string) => ipc.fails(channel, payload, code);

describe('IPC contract', () => {
  it('declares each channel once as group:method', () => {
    expect(new Set(IPC_CHANNELS).size).toBe(IPC_CHANNELS.length);
    expect(IPC_CHANNELS).toEqual(expect.arrayContaining(['keys:list', 'keys:create', 'keys:reveal', 'keys:rotate', 'keys:delete', 'vault:status']));
  });

  it('lists metadata only; a secret crosses only on create (generated) and reveal', async () => {
    const created = await ok<{ id: string; secret: string }>('keys:create', { name: 'ipc', permissions: ['read'] });
    expect(created.secret).toMatch(/^mcp_sk_/);
    const list = await ok<unknown[]>('keys:list', {});
    expect(JSON.stringify(list).includes(created.secret), 'holds the secret').toBe(false);
    const imported = await ok<Record<string, unknown>>('keys:create', { name: 'imp', importSecret: 'sk-imported-value-1' });
    expect(imported).not.toHaveProperty('secret');
    expect(await ok('keys:reveal', { id: created.id })).toEqual({ secret: created.secret });
    const rotated = await ok<Record<string, unknown>>('keys:rotate', { id: created.id });
    expect(rotated).not.toHaveProperty('previousSecret');
    expect(rotated.secret).not.toBe(created.secret);
  });

  it('copies in main: the secret goes to the clipboard, not back to the renderer', async () => {
    const created = await ok<{ id: string; secret: string }>('keys:create', { name: 'copy' });
    const result = await ok<{ clearsAt: string }>('keys:copy', { id: created.id });
    expect(JSON.stringify(result).includes(created.secret), 'holds the secret').toBe(false);
    expect(ipc.clipboardText()).toBe(created.secret);
    expect((await ok<{ usageCount: number }>('keys:get', { id: created.id })).usageCount).toBe(1);
  });

  it('delete needs the key name typed exactly', async () => {
    const created = await ok<{ id: string }>('keys:create', { name: 'Exact Name' });
    await fails('keys:delete', { id: created.id, confirmName: 'exact name' }, 'VALIDATION');
    expect(await ok('keys:delete', { id: created.id, confirmName: 'Exact Name' })).toEqual({ id: created.id, exports: [] });
    await fails('keys:get', { id: created.id }, 'NOT_FOUND');
  });

  it('refuses unknown channels and malformed payloads with VALIDATION, changing nothing', async () => {
    const created = await ok<{ id: string }>('keys:create', { name: 'keep' });
    const storeFile = path.join(t.home, 'vault.json');
    const before = fs.readFileSync(storeFile, 'utf8');
    const bad: [string, unknown][] = [
      ['keys:nope', {}],
      ['__proto__:x', {}],
      ['constructor', {}],
      ['keys:create', null],
      ['keys:create', 'name'],
      ['keys:create', { name: 42 }],
      ['keys:create', { name: 'x'.repeat(10 * 1024 * 1024) }],
      ['keys:create', { name: 'ok', extra: true }],
      ['keys:create', JSON.parse('{"name":"ok","__proto__":{"polluted":true}}')],
      ['keys:create', { name: 'nul\u0000name' }],
      ['keys:get', { id: '../../etc/passwd' }],
      ['keys:get', { id: 'ABCDEF0123456789' }],
      ['keys:get', []],
      ['keys:edit', { id: created.id, changes: { name: '' } }],
      ['keys:edit', { id: created.id, changes: { metadata: JSON.parse('{"__proto__":"x"}') } }],
      ['keys:rotate', { id: created.id, newSecret: 'two\nlines' }],
      ['keys:delete', { id: created.id }],
    ];
    for (const [channel, payload] of bad) await fails(channel, payload, 'VALIDATION');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await fails('keys:get', { id: '0123456789abcdef' }, 'NOT_FOUND');
    expect(fs.readFileSync(storeFile, 'utf8')).toBe(before);
    expect((await t.keychain()).size).toBe(1);
  });

  it('vault:status reports a reachable keychain and the store path', async () => {
    const status = await ok<{ keychainAvailable: boolean; keychainHelp: string | null; storePath: string }>('vault:status', {});
    expect(status).toMatchObject({ keychainAvailable: true, keychainHelp: null, storePath: path.join(t.home, 'vault.json') });
  });

  it('hides the text of unexpected errors', async () => {
    const broken = createDispatcher({
      ...ipc.handlers,
      'keys:list': async () => {
        throw new Error('mcp_sk_LEAKED_SECRET in an unexpected error');
      },
    });
    const envelope = await broken('keys:list', {});
    expect(envelope.ok).toBe(false);
    expect(JSON.stringify(envelope)).not.toContain('LEAKED');
    if (!envelope.ok) expect(envelope.error.code).toBe('INTERNAL');
  });
});

// A refused call says which request field it is about (`field`): zod's issue path for a payload main's schema
// rejects, or the field the vault's own check judges. The renderer places its messages by it, never by their words.
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
