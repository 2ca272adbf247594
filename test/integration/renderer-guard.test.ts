/**
 * What a compromised renderer can do through the real main side (createMainSide over a real vault, real keychain,
 * real files), attacking it as the audit of issue 12 did: main must not take the renderer's word that the user
 * asked. Beyond a few secrets a minute, and before the only copy of a key's value is destroyed, main asks in a
 * dialog of its own (here the scripted stand-in, which records each question and answers as told); the export
 * preview sends no value of a .env file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview } from '../../shared/exports';
import { IMPORTED_KEY_NOTE } from '../../shared/key-status';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import { createMainSide } from '../../electron/main/main-side';
import type { ConfirmRequest } from '../../electron/main/confirmations';
import { COPY_BUDGET, SECRET_BUDGET } from '../../electron/main/confirmations';
import { ActivityLog } from '../../electron/core/activity-log';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { MemoryClipboard } from '../helpers/memory-clipboard';
import { testMcpDeps } from '../helpers/test-mcp';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let ipc: IpcHarness;
let clock: number;

beforeEach(() => {
  t = makeTestVault();
  clock = Date.parse('2026-06-01T12:00:00Z');
  // The vault's clock is main's clock: the budget's minute is counted on it.
  ipc = makeIpcHarness(t.open(() => clock));
});
afterEach(async () => {
  await t.cleanup();
});

const ok = <T>(channel: string, payload: unknown = {}) => ipc.ok<T>(channel, payload);
const fails = (channel: string, payload: unknown, code: string) => ipc.fails(channel, payload, code);

/** Keys made through the CLI's core, not through main: the renderer's budget starts full. */
async function keys(n: number): Promise<KeyWithSecret[]> {
  const made: KeyWithSecret[] = [];
  for (let i = 0; i < n; i++) made.push(await t.vault.create({ name: `key ${i}` }));
  return made;
}

describe('reading secrets', () => {
  it('reveals a few keys a minute without asking; beyond that only with main\'s own confirmation', async () => {
    const made = await keys(10);
    // The audit's attack: keys:list, then keys:reveal on every id. The user says no to main's dialog.
    ipc.confirm.answer = false;
    const list = await ok<KeyView[]>('keys:list');
    const revealed: string[] = [];
    for (const key of list) {
      const envelope = await ipc.dispatch('keys:reveal', { id: key.id });
      if (envelope.ok) revealed.push((envelope.value as { secret: string }).secret);
      else expect(envelope.error.code).toBe('FORBIDDEN');
    }
    expect(revealed).toHaveLength(SECRET_BUDGET.count);
    expect(SECRET_BUDGET.count).toBeLessThanOrEqual(3);
    // Main asked for every reveal past the budget, naming the key, and nothing else was handed out.
    expect(ipc.confirm.asked).toHaveLength(made.length - SECRET_BUDGET.count);
    expect(ipc.confirm.asked[0]).toMatchObject({ message: `Reveal key “${list[SECRET_BUDGET.count]!.name}”?`, confirmLabel: 'Reveal' });

    // The user agrees: that reveal goes through.
    ipc.confirm.answer = true;
    const { secret } = await ok<{ secret: string }>('keys:reveal', { id: list.at(-1)!.id });
    expect(made.map((k) => k.secret)).toContain(secret);

    // A minute later the budget is back.
    clock += SECRET_BUDGET.windowMs;
    ipc.confirm.answer = false;
    const asked = ipc.confirm.asked.length;
    for (const key of list.slice(0, SECRET_BUDGET.count)) await ok('keys:reveal', { id: key.id });
    expect(ipc.confirm.asked).toHaveLength(asked);
  });

  it('counts generated keys handed out by create and rotate in the same budget', async () => {
    const [key] = await keys(1);
    ipc.confirm.answer = false;
    for (let i = 0; i < SECRET_BUDGET.count; i++) await ok('keys:create', { name: `made ${i}` });
    await fails('keys:create', { name: 'one too many' }, 'FORBIDDEN');
    await fails('keys:rotate', { id: key!.id }, 'FORBIDDEN');
    expect(ipc.confirm.asked.map((q) => q.confirmLabel)).toEqual(['Create', 'Rotate']);
    // Refused before anything happened: no key made, the old value still in place.
    expect((await ok<KeyView[]>('keys:list')).map((k) => k.name)).not.toContain('one too many');
    expect((await t.keychain()).get(key!.id)).toBe(key!.secret);
    // Imports hand nothing out: not counted.
    await ok('keys:create', { name: 'imported', importSecret: 'sk-imported-0123456789' });
  });

  it('copies ten keys a minute without asking (the renderer cannot read the clipboard), then asks', async () => {
    const [key] = await keys(1);
    ipc.confirm.answer = false;
    for (let i = 0; i < COPY_BUDGET.count; i++) await ok('keys:copy', { id: key!.id });
    expect(await fails('keys:copy', { id: key!.id }, 'FORBIDDEN')).toContain('Copy');
    expect(ipc.confirm.asked).toEqual([expect.objectContaining({ confirmLabel: 'Copy', message: `Copy key “${key!.name}” to the clipboard?` })]);
  });

  it('shows one dialog at a time: calls made while it is open are refused without another', async () => {
    await keys(SECRET_BUDGET.count + 3);
    let answer: (yes: boolean) => void = () => undefined;
    const asked: ConfirmRequest[] = [];
    const { dispatch } = createMainSide({
      vault: t.vault,
      clipboard: new MemoryClipboard(),
      dialogs: { chooseFolder: async () => null },
      confirm: (request) => {
        asked.push(request);
        return new Promise<boolean>((resolve) => (answer = resolve));
      },
      mcp: testMcpDeps(path.join(t.home, 'client-home')),
      activity: new ActivityLog(t.home),
      notices: [],
    });
    const ids = t.vault.list().map((k) => k.id);
    for (const id of ids.slice(0, SECRET_BUDGET.count)) expect((await dispatch('keys:reveal', { id })).ok).toBe(true);
    const waiting = dispatch('keys:reveal', { id: ids[SECRET_BUDGET.count] });
    await new Promise((resolve) => setImmediate(resolve));
    const flood = await Promise.all(ids.slice(SECRET_BUDGET.count + 1).map((id) => dispatch('keys:reveal', { id })));
    expect(flood.map((e) => (e.ok ? 'ok' : e.error.code))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(asked).toHaveLength(1);
    answer(true);
    expect((await waiting).ok).toBe(true);
  });
});

describe('destroying the only copy of a key', () => {
  async function projectWith(key: KeyWithSecret): Promise<string> {
    const dir = path.join(t.home, 'app');
    fs.mkdirSync(dir);
    ipc.chooseFolderNext(dir);
    const { id } = await ok<{ id: string }>('projects:add');
    await ok('exports:write', { projectId: id, fileName: '.env', keys: [{ keyId: key.id, variable: 'MCP_API_KEY' }], require: false });
    return path.join(dir, '.env');
  }

  it('revoke {removeFromFiles} of an imported key: refused unless main\'s dialog is confirmed, and it says the provider still accepts the key', async () => {
    // The audit's attack: keychain and .env both emptied, with no typed name.
    const key = await t.vault.create({ name: 'OpenAI', importSecret: 'sk-proj-imported0123456789' });
    const envFile = await projectWith(key);
    const before = fs.readFileSync(envFile, 'utf8');
    ipc.confirm.answer = false;
    expect(await fails('keys:revoke', { id: key.id, removeFromFiles: true }, 'FORBIDDEN')).toContain('Revoke');
    expect((await t.keychain()).get(key.id)).toBe(key.secret);
    expect(fs.readFileSync(envFile, 'utf8')).toBe(before);
    expect(t.vault.get(key.id).status).toBe('active');
    expect(ipc.confirm.asked).toEqual([
      expect.objectContaining({ confirmLabel: 'Revoke', message: 'Revoke key “OpenAI”?', detail: expect.stringContaining(IMPORTED_KEY_NOTE) }),
    ]);
    // No secret in any question main asks.
    expect(JSON.stringify(ipc.confirm.asked)).not.toContain(key.secret);

    ipc.confirm.answer = true;
    await ok('keys:revoke', { id: key.id, removeFromFiles: true });
    expect((await t.keychain()).has(key.id)).toBe(false);
  });

  it('asks before a revoke or delete leaves no copy anywhere, and not when a .env file keeps one', async () => {
    const [kept, alone, gone] = await keys(3);
    await projectWith(kept!);
    ipc.confirm.answer = false;
    // A kept .env file still holds the value: the in-app confirmation is enough.
    await ok('keys:revoke', { id: kept!.id });
    // Nowhere else: main asks, the user says no, nothing changes.
    await fails('keys:revoke', { id: alone!.id }, 'FORBIDDEN');
    await fails('keys:delete', { id: alone!.id, confirmName: alone!.name }, 'FORBIDDEN');
    expect(t.vault.get(alone!.id).status).toBe('active');
    expect((await t.keychain()).get(alone!.id)).toBe(alone!.secret);
    expect(ipc.confirm.asked.map((q) => q.message)).toEqual([`Revoke key “${alone!.name}”?`, `Delete key “${alone!.name}”?`]);
    // A revoked key has no value left to lose: deleting its record needs no dialog.
    ipc.confirm.answer = true;
    await ok('keys:revoke', { id: gone!.id });
    ipc.confirm.answer = false;
    const asked = ipc.confirm.asked.length;
    await ok('keys:delete', { id: gone!.id, confirmName: gone!.name });
    expect(ipc.confirm.asked).toHaveLength(asked);
  });

  it('asks before a value from the renderer replaces a key\'s value in the keychain and its files', async () => {
    const key = await t.vault.create({ name: 'imported', importSecret: 'sk-imported-0123456789' });
    const envFile = await projectWith(key);
    ipc.confirm.answer = false;
    await fails('keys:rotate', { id: key.id, newSecret: 'sk-planted-by-page-0123456789' }, 'FORBIDDEN');
    expect((await t.keychain()).get(key.id)).toBe(key.secret);
    expect(fs.readFileSync(envFile, 'utf8')).toContain(key.secret);
    expect(ipc.confirm.asked).toEqual([expect.objectContaining({ confirmLabel: 'Replace' })]);
  });
});

describe('the export preview', () => {
  it('sends no value of the .env file to the renderer, only names', async () => {
    const dir = path.join(t.home, 'rails-app');
    fs.mkdirSync(dir);
    // What the audit saw come through in clear, and the places values hide: comments, quotes, exports, PEM lines.
    const values = [
      'hunter2-db-password',
      'postgres://app:S3cretPass@db.internal:5432/app',
      'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2',
      '3000',
      'sk-live-commented-out-0123456789',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
      'BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj==',
      'value with spaces',
    ];
    const before = [
      '# Database',
      `DB_PASSWORD=${values[0]}`,
      `export DATABASE_URL="${values[1]}"   # primary`,
      `SECRET_KEY_BASE='${values[2]}'`,
      `PORT=${values[3]}`,
      `# OLD_KEY=${values[4]}`,
      'TLS_KEY="-----BEGIN PRIVATE KEY-----',
      values[5],
      values[6],
      '-----END PRIVATE KEY-----"',
      `SPACED = ${values[7]}`,
      'EMPTY=',
      'not an assignment at all',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, '.env'), before);
    ipc.chooseFolderNext(dir);
    const { id: projectId } = await ok<{ id: string }>('projects:add');
    const [key] = await keys(1);

    const preview = await ok<ExportPreview>('exports:preview', { projectId, fileName: '.env', keys: [{ keyId: key!.id, variable: 'MCP_API_KEY' }], require: true });
    const sent = JSON.stringify(preview);
    for (const value of [...values, key!.secret]) expect(sent.includes(value), `the preview holds the value ending …${value.slice(-4)}`).toBe(false);
    // Nor any run of 6 characters from a value (a value cut in pieces, a comment, a PEM line).
    const pieces = values.filter((v) => v.length >= 6).flatMap((v) => Array.from({ length: v.length - 5 }, (_, i) => v.slice(i, i + 6)));
    const texts = preview.diff.map((line) => line.text).join('\n');
    expect(pieces.filter((piece) => texts.includes(piece) && !/^[A-Z_]+$/.test(piece))).toEqual([]);

    expect(preview.diff).toEqual([
      { kind: 'same', text: '# …' },
      { kind: 'same', text: 'DB_PASSWORD=••••' },
      { kind: 'same', text: 'export DATABASE_URL=••••' },
      { kind: 'same', text: 'SECRET_KEY_BASE=••••' },
      { kind: 'same', text: 'PORT=••••' },
      { kind: 'same', text: '# …' },
      { kind: 'same', text: 'TLS_KEY=••••' },
      { kind: 'same', text: 'SPACED=••••' },
      { kind: 'same', text: 'EMPTY=' },
      { kind: 'same', text: '…' },
      { kind: 'added', text: `MCP_API_KEY=mcp_sk_…${key!.secret.slice(-4)}` },
      { kind: 'added', text: 'API_KEY_REQUIRED=true' },
    ]);
  });
});
