/**
 * Nothing lost: a broken vault file, a vault out of step with the keychain, many writers at once, and
 * .env targets that cannot be written — each met with a clear message and no key lost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../shared/doctor';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import { ExportsService } from '../../electron/core/exports/exports-service';
import { keytar, makeTestVault, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
beforeEach(() => {
  t = makeTestVault();
});
afterEach(async () => {
  await t.cleanup();
});

const cli = (args: string[], input?: string) => runCli(args, t.env, { input });
const storeFile = () => path.join(t.home, 'vault.json');

async function threeKeys(): Promise<KeyWithSecret[]> {
  return [await t.vault.create({ name: 'one' }), await t.vault.create({ name: 'two' }), await t.vault.create({ name: 'three', importSecret: 'sk-imported-value-3' })];
}

describe('a corrupted vault file', () => {
  const corruptions: [string, (text: string) => string][] = [
    ['invalid JSON', () => '{ this is not json'],
    ['truncated', (text) => text.slice(0, Math.floor(text.length / 2))],
    ['the wrong shape', () => JSON.stringify([1, 2, 3])],
    ['keys of the wrong type', () => JSON.stringify({ version: 1, keys: 'nope' })],
    ['from a newer version', (text) => JSON.stringify({ ...JSON.parse(text), version: 99 })],
    ['empty', () => ''],
  ];

  for (const [what, corrupt] of corruptions) {
    it(`(${what}) is kept aside, the user is told, and every key comes back from the keychain`, async () => {
      const keys = await threeKeys();
      const broken = corrupt(fs.readFileSync(storeFile(), 'utf8'));
      fs.writeFileSync(storeFile(), broken);

      const result = await cli(['list', '--json']);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/could not be read\. It was kept as .*vault\.json\.unreadable-.* 3 key\(s\) recovered/);
      const listed = JSON.parse(result.stdout) as KeyView[];
      expect(listed.map((k) => k.id).sort()).toEqual(keys.map((k) => k.id).sort());
      for (const key of listed) {
        expect(key.name).toBe(`Recovered key ${key.id}`);
        expect(key.fingerprint).toBe(keys.find((k) => k.id === key.id)!.secret.slice(-4));
      }
      // The bad file is kept, byte for byte.
      const aside = fs.readdirSync(t.home).filter((f) => f.startsWith('vault.json.unreadable-'));
      expect(aside).toHaveLength(1);
      expect(fs.readFileSync(path.join(t.home, aside[0]!), 'utf8')).toBe(broken);
      // And the next run finds a healthy vault.
      const again = await cli(['list', '--json']);
      expect(again.stderr).toBe('');
      expect(JSON.parse(again.stdout)).toHaveLength(3);
    });
  }

  it('is set aside once when two processes meet it at the same time', async () => {
    await threeKeys();
    fs.writeFileSync(storeFile(), 'garbage');
    const results = await Promise.all([cli(['list', '--json']), cli(['list', '--json']), cli(['list', '--json'])]);
    for (const r of results) expect(JSON.parse(r.stdout)).toHaveLength(3);
    expect(fs.readdirSync(t.home).filter((f) => f.startsWith('vault.json.unreadable-'))).toHaveLength(1);
  });
});

describe('mcpkv doctor', () => {
  it('finds a vault out of step with the keychain and repairs what it can', async () => {
    const [one, two, three] = await threeKeys();
    const envFile = path.join(t.home, '.env');
    await new ExportsService(t.vault).use(one!.id, { envPath: envFile });
    await keytar.setPassword(t.service, 'abcdefabcdefabcd', 'mcp_sk_orphaned_value_xyz'); // a secret with no record
    await keytar.deletePassword(t.service, two!.id); // a record with no secret
    await t.vault.revoke(three!.id);
    await keytar.setPassword(t.service, three!.id, 'sk-should-be-gone'); // a revoked key's value left behind
    fs.writeFileSync(envFile, 'MCP_API_KEY=edited-by-hand\n'); // an export that no longer holds its key
    fs.chmodSync(storeFile(), 0o644);

    const check = await cli(['doctor', '--json']);
    const report = JSON.parse(check.stdout) as DoctorReport;
    expect(report.findings.map((f) => f.kind).sort()).toEqual(['file-mode', 'missing-secret', 'orphan-secret', 'revoked-secret-left', 'stale-export']);
    expect(JSON.stringify(report)).not.toMatch(/orphaned_value|should-be-gone/);
    const plain = await cli(['doctor']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('needs you: The value of key "two" is missing from the OS keychain');

    const repairRun = await cli(['doctor', '--repair', '--json']);
    expect(repairRun.code).toBe(1); // a finding is left: the same exit code with --json as without
    const repaired = JSON.parse(repairRun.stdout) as DoctorReport;
    expect(repaired.repaired).toHaveLength(4);
    expect(repaired.findings.map((f) => f.kind)).toEqual(['missing-secret']); // only the user can give a lost value back
    expect(t.open().get('abcdefabcdefabcd').name).toBe('Recovered key abcdefabcdefabcd');
    expect((await t.keychain()).has(three!.id)).toBe(false);
    expect(fs.statSync(storeFile()).mode & 0o777).toBe(0o600);
    expect(new ExportsService(t.open()).recordsFor(one!.id)).toEqual([]);
  });

  it('says a healthy vault is healthy', async () => {
    await threeKeys();
    const result = await cli(['doctor']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/The vault is healthy: 3 key\(s\), 3 keychain entries/);
  });
});

describe('two writers', () => {
  it('the app and CLIs making 100 changes at once lose none', { timeout: 600_000 }, async () => {
    const base = await Promise.all(Array.from({ length: 25 }, (_, i) => t.vault.create({ name: `base-${i}` })));
    const app = t.open();
    const operations: Promise<unknown>[] = [
      // 50 CLI processes creating keys…
      ...Array.from({ length: 50 }, (_, i) => cli(['create', `cli-${i}`, '--json']).then((r) => expect(r.code).toBe(0))),
      // …while "the app" edits 25 keys and creates 25 more.
      ...base.map((key, i) => app.edit(key.id, { description: `edited ${i}` })),
      ...Array.from({ length: 25 }, (_, i) => app.create({ name: `app-${i}` })),
    ];
    await Promise.all(operations);
    const keys = t.open().list();
    expect(keys).toHaveLength(100);
    for (const [i, key] of base.entries()) expect(keys.find((k) => k.id === key.id)!.description).toBe(`edited ${i}`);
    expect((await t.keychain()).size).toBe(100);
    expect(() => JSON.parse(fs.readFileSync(storeFile(), 'utf8'))).not.toThrow();
  });
});

describe('.env targets that cannot be written', () => {
  // A 50 MB file among them: a hang guard, generous for a busy machine.
  it('refuses each with a clear line and leaves the file as it was', { timeout: 180_000 }, async () => {
    const key = await t.vault.create({ name: 'k' });
    const dir = path.join(t.home, 'a-directory.env');
    fs.mkdirSync(dir);
    const huge = path.join(t.home, 'huge.env');
    fs.writeFileSync(huge, `A=${'x'.repeat(50 * 1024 * 1024)}\n`);
    const binary = path.join(t.home, 'binary.env');
    fs.writeFileSync(binary, Buffer.from([0x41, 0x3d, 0x00, 0xff, 0xfe, 0x0a]));
    const missingFolder = path.join(t.home, 'no-such-folder', '.env');
    const cases: [string, RegExp][] = [
      [dir, /not a regular file|directory/i],
      [huge, /too large/i],
      [binary, /binary|not text/i],
      [missingFolder, /does not exist/i],
    ];
    for (const [target, message] of cases) {
      const before = fs.existsSync(target) && fs.statSync(target).isFile() ? fs.readFileSync(target) : null;
      const result = await cli(['use', key.id, '--env', target]);
      expect(result.code, target).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.includes(key.secret), 'holds the secret').toBe(false);
      if (before) expect(fs.readFileSync(target).equals(before)).toBe(true);
    }
    expect(fs.existsSync(missingFolder)).toBe(false);
    expect(t.open().get(key.id).usageCount).toBe(0);
  });
});
