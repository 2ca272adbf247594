/**
 * Crash test: the real CLI is SIGKILLed at random moments during create, rotate and use, 200+ times.
 * After each kill (and the recovery the next process runs), nothing is lost or half done:
 * - the store parses;
 * - every key that is not revoked has its secret in the keychain, matching its fingerprint;
 * - no secret sits in the keychain without its record (no orphans, no leftover rotation accounts);
 * - the .env file is a whole version — the old one or the new one — and holds the key's current value.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEnv } from '../../shared/env-file';
import { fingerprintOf } from '../../shared/key-format';
import { recoverInterrupted } from '../../electron/core/recovery';
import { makeTestVault, parseJson, repoRoot, runCli, type TestVault } from '../helpers/test-vault';

const RUNS = Number(process.env.MCPKV_CRASH_RUNS ?? 200);

let t: TestVault;
let envFile: string;
let mainKey: string;

/** Starts a CLI command and kills it with SIGKILL after `delayMs` (or lets it finish first). */
function runAndKill(args: string[], delayMs: number): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mcpkv.js'), ...args], { env: t.env, stdio: ['ignore', 'ignore', 'ignore'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

async function timeOf(args: string[]): Promise<number> {
  const start = performance.now();
  const result = await runCli(args, t.env);
  expect(result.code).toBe(0);
  return performance.now() - start;
}

beforeAll(async () => {
  t = makeTestVault();
  envFile = path.join(t.home, 'project', '.env');
  fs.mkdirSync(path.dirname(envFile));
  fs.writeFileSync(envFile, '# app settings\nPORT=8080\n');
  mainKey = parseJson<{ id: string }>(await runCli(['create', 'main', '--json'], t.env)).id;
  expect((await runCli(['use', mainKey, '--env', envFile], t.env)).code).toBe(0);
});

afterAll(async () => {
  await t.cleanup();
});

describe('crash safety', () => {
  it(`survives ${RUNS} SIGKILLs at random moments during create, rotate and use`, { timeout: 600_000 }, async () => {
    // How long each command takes when left alone: kills are spread over that span (and a little past it).
    const spans = {
      create: await timeOf(['create', 'warm-up-create']),
      rotate: await timeOf(['rotate', mainKey]),
      use: await timeOf(['use', mainKey, '--env', envFile]),
    };
    let killedMidway = 0;
    for (let run = 0; run < RUNS; run++) {
      const op = (['create', 'rotate', 'use'] as const)[run % 3]!;
      const args = op === 'create' ? ['create', `crash-${run}`] : op === 'rotate' ? ['rotate', mainKey] : ['use', mainKey, '--env', envFile];
      const envBefore = fs.readFileSync(envFile, 'utf8');
      const { killed } = await runAndKill(args, Math.random() * spans[op] * 1.1);
      if (killed) killedMidway++;

      // The next process to open the vault finishes or undoes what was cut short.
      const vault = t.open();
      await recoverInterrupted(vault);
      expect(vault.journal.pending()).toEqual([]);

      const keys = vault.list();
      const keychain = await t.keychain();
      for (const key of keys) {
        if (key.status === 'revoked') continue;
        const secret = keychain.get(key.id);
        expect(secret, `run ${run} (${op}): key ${key.name} lost its secret`).toBeDefined();
        expect(fingerprintOf(secret!), `run ${run} (${op}): ${key.name}'s record and secret disagree`).toBe(key.fingerprint);
      }
      const known = new Set(keys.map((k) => k.id));
      for (const account of keychain.keys()) expect(known.has(account), `run ${run} (${op}): orphan keychain entry`).toBe(true);

      const envAfter = fs.readFileSync(envFile, 'utf8');
      const current = keychain.get(mainKey)!;
      const wholeNew = upsertEnv(envBefore, [{ name: 'MCP_API_KEY', value: current }, { name: 'API_KEY_REQUIRED', value: 'true' }]).text;
      expect([envBefore, wholeNew], `run ${run} (${op}): .env is neither the old nor the new version`).toContain(envAfter);
      expect(parse(envAfter).MCP_API_KEY, `run ${run} (${op}): .env does not hold the key's current value`).toBe(current);
      expect(envAfter.startsWith('# app settings\nPORT=8080\n')).toBe(true);
    }
    // The test means something only if many runs were really cut short.
    expect(killedMidway).toBeGreaterThan(RUNS / 3);
    const store = JSON.parse(fs.readFileSync(path.join(t.home, 'vault.json'), 'utf8'));
    expect(store.version).toBe(1);
  });
});
