/**
 * A `.env` file is also sourced by shells (`set -a; . ./.env`). Whatever value the vault writes — a key rotated
 * to a value chosen by a compromised renderer included — a POSIX shell must read it byte for byte and run nothing,
 * and dotenv must read the same value. Checked with the real writer, the real `sh` and dotenv.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'dotenv';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWritableEnvValue, upsertEnv } from '../../shared/env-file';
import { applyEnvFile } from '../../electron/core/env-writer';
import { makeIpcHarness } from '../helpers/ipc-harness';
import { makeTestVault, type TestVault } from '../helpers/test-vault';

let dir: string;
let marker: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-shell-'));
  marker = path.join(dir, 'ran');
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What `sh` reads for each variable after `set -a; . ./.env`, NUL-separated so any byte survives. */
function sourced(names: string[]): string[] {
  const script = `set -a; . ./.env; ${names.map((n) => `printf '%s\\0' "$${n}"`).join('; ')}`;
  const result = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\0').slice(0, names.length);
}

/** Values a shell would run or change, each with the marker file in it where it can run something. */
const hostile = (m: string) => [
  `$(touch${'${IFS}'}${m})`,
  `\`touch ${m}\``,
  `x;touch ${m}`,
  `x|touch ${m}`,
  `x&&touch ${m}`,
  `$(touch ${m})$HOME\\n`,
  `"$(touch ${m})"`,
  `it's $(touch ${m})`.replace("'", ''), // a quote and a $ together cannot be written: without the quote
  "it's plain",
  'a\\b\\\\c',
  '~/not-home',
  '*',
  '$HOME',
  '${HOME:-x}',
  'a b  c',
  ' lead and trail ',
  '#not a comment',
  'x # y',
  '<in >out 2>&1',
  '(sub) {brace}',
  '!bang',
  'héllo 😀',
  '',
];

describe('values written to .env are read literally by a POSIX shell and by dotenv', () => {
  it('the audit\'s repro: a rotated value `$(touch${IFS}…)` is written so that sourcing the file runs nothing', async () => {
    const t: TestVault = makeTestVault();
    try {
      const ipc = makeIpcHarness(t.vault);
      ipc.chooseFolderNext(dir);
      const { id: projectId } = await ipc.ok<{ id: string }>('projects:add');
      const key = await t.vault.create({ name: 'imp', importSecret: 'sk-imported-0123456789' });
      await ipc.ok('exports:write', { projectId, fileName: '.env', keys: [{ keyId: key.id, variable: 'MCP_API_KEY' }], require: true });
      const planted = `$(touch${'${IFS}'}${marker})`;
      await ipc.ok('keys:rotate', { id: key.id, newSecret: planted });

      expect(sourced(['MCP_API_KEY', 'API_KEY_REQUIRED'])).toEqual([planted, 'true']);
      expect(fs.existsSync(marker), 'sourcing the .env ran the value').toBe(false);
      expect(parse(fs.readFileSync(path.join(dir, '.env'))).MCP_API_KEY).toBe(planted);
    } finally {
      await t.cleanup();
    }
  });

  it('every hostile value, written through the real writer', async () => {
    const values = hostile(marker);
    const names = values.map((_, i) => `V${i}`);
    await applyEnvFile(path.join(dir, '.env'), (text) => upsertEnv(text, values.map((value, i) => ({ name: names[i]!, value }))));
    expect(sourced(names)).toEqual(values);
    expect(fs.existsSync(marker), 'sourcing the .env ran a value').toBe(false);
    const read = parse(fs.readFileSync(path.join(dir, '.env')));
    expect(names.map((n) => read[n])).toEqual(values);
  });

  it('refuses, and leaves the file alone, where no spelling is literal for both', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'A=1\n');
    for (const value of [`it's $(touch ${marker})`, "a'`id`", "a'\\b", 'ends with a backslash\\']) {
      await expect(applyEnvFile(file, (text) => upsertEnv(text, [{ name: 'B', value }]))).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(isWritableEnvValue(value)).toBe(false);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('A=1\n');
  });

  it('any value the writer accepts reads back byte for byte in sh and dotenv (random values, one sourcing)', async () => {
    const unit = fc.constantFrom(...'aZ09_-./:=@%+,~*?[]{}!#$`\\"\'; |&<>()\t é😀\u00a0'.split(''), '$(', '${', '\\n');
    const values = fc.sample(fc.string({ unit, maxLength: 16 }), { numRuns: 400, seed: 12 }).filter(isWritableEnvValue);
    expect(values.length).toBeGreaterThan(100);
    const names = values.map((_, i) => `R${i}`);
    await applyEnvFile(path.join(dir, '.env'), (text) => upsertEnv(text, values.map((value, i) => ({ name: names[i]!, value }))));
    expect(sourced(names)).toEqual(values);
    const read = parse(fs.readFileSync(path.join(dir, '.env')));
    expect(names.map((n) => read[n])).toEqual(values);
  });
});
