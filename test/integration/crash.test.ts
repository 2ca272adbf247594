/**
 * Crash test: the real CLI is SIGKILLed at random moments during create, rotate and use, 200+ times.
 * After each kill (and the recovery the next process runs), nothing is lost or half done:
 * - the store parses;
 * - every key that is not revoked has its secret in the keychain, matching its fingerprint;
 * - no secret sits in the keychain without its record (no orphans, no leftover rotation accounts);
 * - the .env file is a whole version — the old one or the new one — and holds the key's current value.
 * The next command after each kill is a real `mcpkv list`, and it must not wait for the killed process's lock
 * to go stale: every lock left behind is made to look fresh for an hour first (no timed assertion needed).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { upsertEnv } from '../../shared/env-file';
import { fingerprintOf } from '../../shared/key-format';
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

/**
 * Makes every lock a killed process left in the vault folder look fresh for an hour, so that only knowing its
 * owner is gone (not proper-lockfile's 10 s staleness rule) can let the next command take it over.
 */
function pinLeftLocks(home = t.home): string[] {
  const locks = fs.readdirSync(home).filter((name) => name.endsWith('.lock'));
  const inAnHour = new Date(Date.now() + 3_600_000);
  for (const name of locks) fs.utimesSync(path.join(home, name), inAnHour, inAnHour);
  return locks;
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
    let locksLeft = 0;
    const nextCommandMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const op = (['create', 'rotate', 'use'] as const)[run % 3]!;
      const args = op === 'create' ? ['create', `crash-${run}`] : op === 'rotate' ? ['rotate', mainKey] : ['use', mainKey, '--env', envFile];
      const envBefore = fs.readFileSync(envFile, 'utf8');
      const { killed } = await runAndKill(args, Math.random() * spans[op] * 1.1);
      if (killed) killedMidway++;

      // The next command finishes or undoes what was cut short, without waiting for the dead process's lock.
      locksLeft += pinLeftLocks().length;
      const started = performance.now();
      const next = await runCli(['list', '--json'], t.env);
      nextCommandMs.push(performance.now() - started);
      expect(next.code, `run ${run} (${op}): the next command failed: ${next.stderr}`).toBe(0);
      const vault = t.open();
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
    // Timings are reported, not asserted (BENCHMARKS.md holds the numbers).
    const sorted = [...nextCommandMs].sort((a, b) => a - b);
    console.log(`next command after a kill: median ${Math.round(sorted[sorted.length >> 1]!)} ms, max ${Math.round(sorted.at(-1)!)} ms; ${locksLeft} lock(s) left by killed processes, ${killedMidway} of ${RUNS} runs cut short`);
    // The test means something only if many runs were really cut short, some of them holding a lock.
    expect(killedMidway).toBeGreaterThan(RUNS / 3);
    expect(locksLeft).toBeGreaterThan(0);

    const store = JSON.parse(fs.readFileSync(path.join(t.home, 'vault.json'), 'utf8'));
    expect(store.version).toBe(1);
  });

  it('takes over at once the vault lock of a process killed while holding it', { timeout: 120_000 }, async () => {
    const own = makeTestVault();
    onTestFinished(() => own.cleanup());
    // A process that dies inside a store update: SIGKILL, so no exit handler removes its lock.
    const script = `const { openNodeStore } = await import(${JSON.stringify(path.join(repoRoot, 'electron/core/conf-store.ts'))});
      setInterval(() => {}, 60_000);
      openNodeStore(process.env.MCPKV_HOME).update(() => { process.stdout.write('locked\\n'); return new Promise(() => {}); });`;
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: own.env, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(holder, 'exit');
    await Promise.race([once(holder.stdout!, 'data'), exited.then(() => Promise.reject(new Error('the holder ended before it held the lock')))]);
    holder.kill('SIGKILL');
    await exited;
    // Its lock looks fresh for an hour: without knowing its owner is gone, the command below would give up "busy".
    expect(pinLeftLocks(own.home)).toContain('vault.json.lock');
    const result = await runCli(['create', 'after-a-killed-holder', '--json'], own.env);
    expect(result.code, result.stderr).toBe(0);
  });
});
