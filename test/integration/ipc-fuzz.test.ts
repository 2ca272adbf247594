/**
 * Fuzzing every IPC channel: thousands of payloads the contract's schema rejects (wrong types, missing
 * fields, huge strings, prototype keys, NUL bytes, paths) must each come back as a typed VALIDATION
 * error — never a throw — and leave the vault, the keychain and the files exactly as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc-contract';
import { requestSchemaOf } from '../../shared/ipc-schemas';
import type { Dispatch } from '../../electron/main/ipc-dispatch';
import { makeIpcHarness } from '../helpers/ipc-harness';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let dispatch: Dispatch;
let snapshot: () => Promise<string>;
let before: string;
let keyId: string;
let projectId: string;

const FIELD_NAMES = ['id', 'name', 'projectId', 'fileName', 'keys', 'keyId', 'variable', 'changes', 'confirmName', 'newSecret', 'importSecret',
  'items', 'require', 'removeFromFiles', 'metadata', 'permissions', 'expiresAt', 'expiresInDays', 'prefix', '__proto__', 'constructor', 'prototype'];

const HUGE = 'A'.repeat(10 * 1024 * 1024);

function nastyString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string(),
    fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '../../../etc/passwd', '/etc/passwd', '..', '.env/../../x', 'C:\\Windows\\system32', '__proto__',
      'constructor', '0123456789abcdeg', 'FFFFFFFFFFFFFFFF', '.env\n', '\u202e', 'mcp_sk_' + 'x'.repeat(100), HUGE),
    fc.string({ unit: 'binary', maxLength: 64 }),
  );
}

function nastyValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }) },
    { weight: 2, arbitrary: nastyString() },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, -1, 1e308, Number.NaN, true, [], [[]], {}) },
  );
}

/** Objects that look like requests: known field names (and prototype keys) with wrong or odd values. */
function nastyPayload(): fc.Arbitrary<unknown> {
  return fc.oneof(
    nastyValue(),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyValue(), { maxKeys: 5 }),
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), nastyValue(), { maxKeys: 5 }).map((o) => JSON.parse(JSON.stringify(o) ?? 'null')),
  );
}

beforeAll(async () => {
  t = makeTestVault();
  const projectDir = path.join(t.home, 'project');
  fs.mkdirSync(projectDir);
  fs.writeFileSync(path.join(projectDir, '.env'), 'KEEP=1\n');
  const ipc = makeIpcHarness(t.vault);
  ipc.chooseFolderNext(projectDir);
  dispatch = ipc.dispatch;
  keyId = (await t.vault.create({ name: 'existing' })).id;
  const added = await dispatch('projects:add', {});
  projectId = (added as { ok: true; value: { id: string } }).value.id;
  snapshot = async () =>
    JSON.stringify({
      files: t.files().map((f) => [path.relative(t.home, f.file), f.file.endsWith('.jsonl') ? '' : f.content]),
      keychain: [...(await t.keychain()).entries()].sort(),
    });
  before = await snapshot();
});

afterAll(async () => {
  await t.cleanup();
});

describe('IPC fuzzing', () => {
  it('rejects unknown channel names', async () => {
    await fc.assert(
      fc.asyncProperty(nastyString(), nastyPayload(), async (channel, payload) => {
        fc.pre(!(IPC_CHANNELS as readonly string[]).includes(channel));
        const envelope = await dispatch(channel, payload);
        expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }),
      { numRuns: 300 },
    );
  });

  for (const channel of IPC_CHANNELS) {
    it(`${channel}: every payload its schema rejects is a VALIDATION error and changes nothing`, async () => {
      const schema = requestSchemaOf(channel)!;
      await fc.assert(
        fc.asyncProperty(nastyPayload(), async (payload) => {
          fc.pre(!schema.safeParse(payload ?? {}).success);
          const envelope = await dispatch(channel, payload);
          expect(envelope.ok).toBe(false);
          if (!envelope.ok) {
            expect(envelope.error.code).toBe('VALIDATION');
            expect(envelope.error.message.length).toBeLessThan(300);
            expect(envelope.error.message).not.toContain(HUGE.slice(0, 100));
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('left the vault, the keychain and the files exactly as they were, and the prototype clean', async () => {
    expect(await snapshot()).toBe(before);
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Still serving: a valid call works after all of the above.
    expect(await dispatch('keys:get', { id: keyId })).toMatchObject({ ok: true });
    expect(await dispatch('projects:files', { projectId })).toMatchObject({ ok: true });
  });
});
