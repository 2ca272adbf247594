/**
 * `mcpkv get` and the reveals of `list --show-keys`, as users run them: a real process, the real keychain.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEvent, KeyWithSecret } from '../../shared/types';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
beforeEach(() => {
  t = makeTestVault();
});
afterEach(async () => {
  await t.cleanup();
});

const cli = (args: string[]) => runCli(args, t.env);
const DAY_MS = 24 * 60 * 60 * 1000;

function activity(): ActivityEvent[] {
  const file = path.join(t.home, 'activity.jsonl');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ActivityEvent);
}

function expectRefused(result: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

describe('mcpkv get', () => {
  it('prints the value and nothing else (a newline after it), by id, prefix or name; logs a reveal from the CLI', async () => {
    const key = await t.vault.create({ name: 'prod' });
    for (const ref of [key.id, key.id.slice(0, 6), 'prod']) {
      const result = await cli(['get', ref]);
      expect(result.code).toBe(0);
      expect(result.stdout === `${key.secret}\n`, 'stdout is the value and a newline').toBe(true);
      expect(result.stderr).toBe('');
    }
    const reveals = activity().filter((e) => e.type === 'revealed');
    expect(reveals).toHaveLength(3);
    expect(reveals[0]).toMatchObject({ keyId: key.id, keyName: 'prod', detail: 'mcpkv get' });
    for (const { content } of t.files()) expect(content.includes(key.secret), 'a file holds the secret').toBe(false);
  });

  it('--json prints { id, name, secret }', async () => {
    const key = await t.vault.create({ name: 'prod' });
    const got = parseJson<Record<string, unknown>>(await cli(['get', 'prod', '--json']));
    expect(Object.keys(got).sort()).toEqual(['id', 'name', 'secret']);
    expect(got.id).toBe(key.id);
    expect(got.name).toBe('prod');
    expect(got.secret === key.secret, 'the secret').toBe(true);
  });

  it('refuses a revoked, an expired and an unknown key with one line and a non-zero exit', async () => {
    const revoked = await t.vault.create({ name: 'gone' });
    await t.vault.revoke(revoked.id);
    await t.open(() => Date.now() - 10 * DAY_MS).create({ name: 'old', expiresInDays: 1 });
    expectRefused(await cli(['get', 'gone']), /"gone" is revoked; it cannot be read/);
    expectRefused(await cli(['get', 'old']), /"old" is expired; it cannot be read/);
    expectRefused(await cli(['get', 'nothing-like-it']), /nothing-like-it/);
    expect(activity().filter((e) => e.type === 'revealed')).toEqual([]);
  });
});

describe('mcpkv list --show-keys', () => {
  it('logs a reveal of each key it shows, and none without --show-keys', async () => {
    const a = parseJson<KeyWithSecret>(await cli(['create', 'alpha', '--json']));
    const b = parseJson<KeyWithSecret>(await cli(['create', 'beta', '--json']));
    await cli(['revoke', b.id]);
    await cli(['list']);
    expect(activity().filter((e) => e.type === 'revealed')).toEqual([]);
    const shown = await cli(['list', '--show-keys']);
    expect(shown.stdout.includes(a.secret), 'shows the active value').toBe(true);
    const reveals = activity().filter((e) => e.type === 'revealed');
    expect(reveals.map((e) => [e.keyId, e.detail])).toEqual([[a.id, 'mcpkv list --show-keys']]);
  });
});
