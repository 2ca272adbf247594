/**
 * `mcpkv run` as users run it: real processes, the real keychain. The command it runs is a small node script
 * that reports a hash of the key it got, never the key.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MASK } from '../../electron/cli/masker';
import type { ActivityEvent } from '../../shared/types';
import { repoRoot, runProcess } from '../helpers/process';
import { makeTestVault, parseJson, runCli, type TestVault } from '../helpers/test-vault';

let t: TestVault;
let dir: string;
beforeEach(() => {
  t = makeTestVault();
  dir = fs.mkdtempSync(path.join(t.home, 'run-'));
});
afterEach(async () => {
  await t.cleanup();
});

const MCPKV = path.join(repoRoot, 'bin/mcpkv.js');
const DAY_MS = 24 * 60 * 60 * 1000;
const sha = (value: string) => createHash('sha256').update(value).digest('hex');

/** A script that reports, as one JSON line, the hash of each variable named in its arguments and where else the values are. */
function reporter(): string {
  const file = path.join(dir, 'report.cjs');
  fs.writeFileSync(
    file,
    `const fs = require('node:fs'); const crypto = require('node:crypto');
const names = process.argv.slice(2);
const values = names.map((n) => process.env[n]).filter((v) => v !== undefined);
const cmdline = (pid) => { try { return fs.readFileSync('/proc/' + pid + '/cmdline', 'latin1'); } catch { return ''; } };
const seen = (text) => values.some((v) => text.includes(v));
process.stdout.write(JSON.stringify({
  hashes: Object.fromEntries(names.map((n) => [n, process.env[n] === undefined ? null : crypto.createHash('sha256').update(process.env[n]).digest('hex')])),
  inOwnArgv: seen(cmdline('self')), inParentArgv: seen(cmdline(process.ppid)), pid: process.pid,
}) + '\\n');
`,
  );
  return file;
}

interface Report {
  hashes: Record<string, string | null>;
  inOwnArgv: boolean;
  inParentArgv: boolean;
  pid: number;
}

const run = (args: string[], options: { cwd?: string } = {}) => runCli(['run', ...args], t.env, options);

function activity(): ActivityEvent[] {
  const file = path.join(t.home, 'activity.jsonl');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ActivityEvent) : [];
}

describe('mcpkv run: the environment', () => {
  it('gives the key to the command in its environment only, counts a use and logs the command name without its arguments', async () => {
    const key = await t.vault.create({ name: 'prod' });
    const result = await run(['--key', 'prod', '--', process.execPath, reporter(), 'MCP_API_KEY', '--secret-flag']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.hashes.MCP_API_KEY).toBe(sha(key.secret));
    expect(report.inOwnArgv).toBe(false);
    expect(report.inParentArgv).toBe(false);
    const after = t.open().get(key.id);
    expect(after.usageCount).toBe(1);
    expect(after.lastUsedAt).not.toBeNull();
    const injected = activity().filter((e) => e.type === 'injected');
    expect(injected).toEqual([expect.objectContaining({ keyId: key.id, detail: path.basename(process.execPath) })]);
    for (const { content } of t.files()) expect(content.includes(key.secret), 'a file holds the secret').toBe(false);
  });

  it('names the variable with KEY=VAR; a bare key takes the variable it was last written under, else the default-var setting', async () => {
    const a = await t.vault.create({ name: 'alpha' });
    const b = await t.vault.create({ name: 'beta' });
    parseJson(await runCli(['use', 'alpha', '--env', path.join(dir, '.env'), '--var', 'ALPHA_KEY', '--json'], t.env));
    parseJson(await runCli(['settings', '--default-var', 'DEFAULT_KEY', '--json'], t.env));
    const result = await run(['-k', 'alpha', '-k', 'beta', '-k', `${a.id}=CHOSEN`, '--', process.execPath, reporter(), 'ALPHA_KEY', 'DEFAULT_KEY', 'CHOSEN']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.hashes).toEqual({ ALPHA_KEY: sha(a.secret), DEFAULT_KEY: sha(b.secret), CHOSEN: sha(a.secret) });
    // One use per key and run, however many variables it filled.
    expect(t.open().get(a.id).usageCount).toBe(2); // the `use` and this run
  });

  it('--env-file: mcpkv:// references resolved from the vault, other values passed through as dotenv reads them', async () => {
    const key = await t.vault.create({ name: 'Production Key' });
    const other = await t.vault.create({ name: 'other' });
    const file = path.join(dir, 'refs.env');
    fs.writeFileSync(file, `# a comment\nBY_ID=mcpkv://${key.id}\nBY_NAME="mcpkv://Production Key"\nPLAIN='just text'\nexport OTHER=mcpkv://other\n`);
    const before = fs.readFileSync(file);
    const result = await run(['--env-file', file, '--', process.execPath, reporter(), 'BY_ID', 'BY_NAME', 'PLAIN', 'OTHER']);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as Report).hashes).toEqual({ BY_ID: sha(key.secret), BY_NAME: sha(key.secret), PLAIN: sha('just text'), OTHER: sha(other.secret) });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('mcpkv run: refusals before the command starts', () => {
  it('refuses a revoked, an expired or an unknown key, a missing env file and an unknown command, with one line; the command never runs', async () => {
    const revoked = await t.vault.create({ name: 'gone' });
    await t.vault.revoke(revoked.id);
    await t.open(() => Date.now() - 10 * DAY_MS).create({ name: 'old', expiresInDays: 1 });
    await t.vault.create({ name: 'good' });
    const marker = path.join(dir, 'ran');
    const touch = ['--', process.execPath, '-e', `require('node:fs').writeFileSync(${JSON.stringify(marker)}, '')`];
    const cases: [string[], RegExp][] = [
      [['-k', 'good', '-k', 'gone'], /"gone" is revoked; it cannot be used/],
      [['-k', 'old'], /"old" is expired; it cannot be used/],
      [['-k', 'nothing-like-it'], /nothing-like-it/],
      [['--env-file', path.join(dir, 'missing.env')], /missing\.env/],
      [['--env-file', writeEnv('X=mcpkv://gone')], /"gone" is revoked/],
    ];
    for (const [args, pattern] of cases) {
      const result = await run([...args, ...touch]);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(pattern);
      expect(fs.existsSync(marker), `${args.join(' ')}: the command ran`).toBe(false);
    }
    const notFound = await run(['-k', 'good', '--', 'no-such-command-here']);
    expect(notFound.code).toBe(127);
    expect(notFound.stderr).toMatch(/no-such-command-here: command not found/);
    expect(activity().filter((e) => e.type === 'injected')).toEqual([]);
  });

  function writeEnv(text: string): string {
    const file = path.join(dir, `x${Math.random().toString(16).slice(2)}.env`);
    fs.writeFileSync(file, text);
    return file;
  }
});

describe('mcpkv run: the command’s end is ours', () => {
  it('exits with the command’s exit code', async () => {
    await t.vault.create({ name: 'prod' });
    expect((await run(['-k', 'prod', '--', 'sh', '-c', 'exit 7'])).code).toBe(7);
    expect((await run(['-k', 'prod', 'sh', '-c', 'exit 0'])).code).toBe(0);
  });

  it('dies of the signal the command died of, so a shell reports 128+n', async () => {
    await t.vault.create({ name: 'prod' });
    const died = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      const child = spawn(process.execPath, [MCPKV, 'run', '-k', 'prod', '--', 'sh', '-c', 'kill -TERM $$'], { env: t.env, stdio: 'ignore' });
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    expect(died).toEqual({ code: null, signal: 'SIGTERM' });
    const shell = await runProcess('bash', ['-c', `"${process.execPath}" "${MCPKV}" run -k prod -- sh -c 'kill -TERM $$'; echo "status=$?"`], t.env);
    expect(shell.stdout).toBe('status=143\n');
  });

  it('passes SIGTERM, SIGINT and SIGHUP on to the command', async () => {
    await t.vault.create({ name: 'prod' });
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      const script = `process.on('${signal}', () => { process.stdout.write('got ${signal}\\n'); process.exit(5); }); process.stdout.write('ready\\n'); setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, [MCPKV, 'run', '-k', 'prod', '--', process.execPath, '-e', script], { env: t.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      const code = await new Promise<number | null>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out === 'ready\n') child.kill(signal);
        });
        child.on('close', (c) => resolve(c));
      });
      expect(out).toBe(`ready\ngot ${signal}\n`);
      expect(code).toBe(5);
    }
  });

  it.runIf(typeof (process as { execve?: unknown }).execve === 'function')('with process.execve, becomes the command: nothing is left to orphan', async () => {
    await t.vault.create({ name: 'prod' });
    const child = spawn(process.execPath, [MCPKV, 'run', '-k', 'prod', '--', process.execPath, reporter()], { env: t.env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((resolve) => child.on('close', resolve));
    expect((JSON.parse(out) as Report).pid).toBe(child.pid);
  });
});

describe('mcpkv run: output', () => {
  it('passes binary output through a pipe byte for byte, the key’s value included (a pipe is never masked)', async () => {
    const key = await t.vault.create({ name: 'prod' });
    const script = `const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i)); for (let i = 0; i < 200; i++) process.stdout.write(all); process.stdout.write(process.env.MCP_API_KEY);`;
    const bytes = await new Promise<Buffer>((resolve) => {
      const child = spawn(process.execPath, [MCPKV, 'run', '-k', 'prod', '--', process.execPath, '-e', script], { env: t.env, stdio: ['ignore', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.on('close', () => resolve(Buffer.concat(chunks)));
    });
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const expected = Buffer.concat([...Array.from({ length: 200 }, () => all), Buffer.from(key.secret)]);
    expect(bytes.equals(expected), 'byte-exact').toBe(true);
  });

  /** Runs mcpkv under `script`, which gives it a pseudo-terminal, and returns what the terminal showed. */
  function onTerminal(args: string[]) {
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const line = [process.execPath, MCPKV, 'run', ...args].map(quote).join(' ');
    return runProcess('script', ['-qfec', line, '/dev/null'], t.env);
  }

  it('on a terminal, masks the key in the command’s output and stderr, also when written in pieces; --no-masking shows it', async () => {
    const key = await t.vault.create({ name: 'prod' });
    const script = `const k = process.env.MCP_API_KEY; process.stdout.write('out ' + k.slice(0, 10)); setTimeout(() => { process.stdout.write(k.slice(10) + ' end\\n'); process.stderr.write('err ' + k + '\\n'); }, 50);`;
    const masked = await onTerminal(['-k', 'prod', '--', process.execPath, '-e', script]);
    expect(masked.stdout.includes(key.secret), 'the terminal showed the key').toBe(false);
    expect(masked.stdout).toContain(`out ${MASK} end`);
    expect(masked.stdout).toContain(`err ${MASK}`);
    const shown = await onTerminal(['-k', 'prod', '--no-masking', '--', process.execPath, '-e', script]);
    expect(shown.stdout.includes(`out ${key.secret} end`), 'the key shown with --no-masking').toBe(true);
  });
});
