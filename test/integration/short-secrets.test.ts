/**
 * A key record shows a little of its value (a known prefix and the last 4 characters) so people can tell keys
 * apart. For a short value that was most of it: the audit imported `pw12` and found it in vault.json as its own
 * fingerprint, and `sk-9xZ` as prefix `sk-` + fingerprint `-9xZ`. Imports now need 16 characters, a record never
 * shows more than a known prefix and 4 of at least 16 other characters, and doctor --repair hides what older
 * records showed.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../shared/doctor';
import type { KeyView } from '../../shared/types';
import { withKey } from '../../electron/core/key-records';
import { makeIpcHarness, type IpcHarness } from '../helpers/ipc-harness';
import { makeTestVault, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let ipc: IpcHarness;

beforeEach(() => {
  t = makeTestVault();
  ipc = makeIpcHarness(t.vault);
});
afterEach(async () => {
  await t.cleanup();
});

const vaultFile = () => fs.readFileSync(t.vault.store.path, 'utf8');

describe('short imported values', () => {
  it('refuses imports under 16 characters in the app and the CLI, saying the minimum and never the value', async () => {
    const message = await ipc.fails('keys:create', { name: 'short', importSecret: 'pw12' }, 'VALIDATION');
    expect(message).toMatch(/at least 16 characters/);
    expect(message).not.toContain('pw12');
    const envelope = await ipc.dispatch('keys:create', { name: 'short', importSecret: 'sk-9xZ' });
    expect(envelope.ok ? null : envelope.error.field).toBe('importSecret');

    const cli = await runCli(['create', 'short', '--import'], t.env, { input: 'sk-9xZ\n' });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/at least 16 characters/);
    expect(cli.stderr + cli.stdout).not.toContain('9xZ');
    expect((await runCli(['create', '--help'], t.env)).stdout).toMatch(/at least 16\s+characters/);
    expect(t.vault.list()).toEqual([]);
  });

  it('shows a known prefix only with 16 characters after it, and never more than 4 characters of the value', async () => {
    const sixteen = 'sk-0123456789abc'; // `sk-` + 13: no prefix shown
    const long = 'sk-0123456789abcdef'; // `sk-` + 16
    const a = await ipc.ok<KeyView>('keys:create', { name: 'sixteen', importSecret: sixteen });
    const b = await ipc.ok<KeyView>('keys:create', { name: 'long', importSecret: long });
    expect({ prefix: a.prefix, fingerprint: a.fingerprint }).toEqual({ prefix: '', fingerprint: '9abc' });
    expect({ prefix: b.prefix, fingerprint: b.fingerprint }).toEqual({ prefix: 'sk-', fingerprint: 'cdef' });
    // An explicit prefix for an import must be how the value starts, with 16 characters after it.
    expect(await ipc.fails('keys:create', { name: 'given', importSecret: 'abcdefghijklmnopqrst', prefix: 'abcdefgh' }, 'VALIDATION')).toMatch(/prefix/);
    expect(vaultFile()).not.toContain('sk-0123');
  });

  it('doctor finds records that show too much of a short value, without echoing it, and --repair hides it', async () => {
    // Two records as the previous version wrote them: `pw12` and `sk-9xZ` imported, shown nearly whole.
    const legacy = [
      { name: 'wifi', value: 'Pw1x', prefix: '', fingerprint: 'Pw1x' },
      { name: 'tiny', value: 'sk-9xZq', prefix: 'sk-', fingerprint: '9xZq' },
    ];
    for (const { name, value, prefix, fingerprint } of legacy) {
      const key = await t.vault.create({ name, importSecret: 'sk-placeholder-0123456789' });
      await t.vault.secrets.set(key.id, value);
      await t.vault.store.update((data) => ({ data: withKey(data, { ...data.keys[key.id]!, prefix, fingerprint }), result: undefined }));
    }
    expect(vaultFile()).toContain('Pw1x');

    const found = await ipc.ok<DoctorReport>('vault:doctor', { repair: false });
    const revealing = found.findings.filter((f) => f.kind === 'revealing-record');
    expect(revealing).toHaveLength(2);
    expect(JSON.stringify(found)).not.toMatch(/Pw1x|9xZq/);

    const repaired = await ipc.ok<DoctorReport>('vault:doctor', { repair: true });
    expect(repaired.repaired).toHaveLength(2);
    expect(repaired.findings.filter((f) => f.kind === 'revealing-record')).toEqual([]);
    expect(vaultFile()).not.toMatch(/Pw1x|9xZq/);
    for (const key of t.vault.list()) expect({ prefix: key.prefix, fingerprint: key.fingerprint }).toEqual({ prefix: '', fingerprint: '' });
    // The keys themselves are untouched.
    expect([...(await t.keychain()).values()].sort()).toEqual(['Pw1x', 'sk-9xZq']);
  });
});
