/**
 * The IPC layer as the renderer meets it: the real handlers and vault behind the dispatcher, every
 * payload validated against the contract.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    const imported = await ok<Record<string, unknown>>('keys:create', { name: 'imp', importSecret: 'sk-imported-1' });
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
