/** Runs a command to its end, with input on stdin; used to run the real `mcpkv` in tests. */
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** keytar as tests use it directly: to look into the (test) keychain and clean it up. */
export const keytar = createRequire(import.meta.url)('keytar') as typeof import('keytar');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv, options: { input?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: options.cwd ?? repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the built `mcpkv` (bin/mcpkv.js) as a real process. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, options: { input?: string; cwd?: string } = {}): Promise<CliResult> {
  return runProcess(process.execPath, [path.join(repoRoot, 'bin/mcpkv.js'), ...args], env, options);
}

/**
 * Runs a scenario file (TypeScript, through tsx) in a fresh private Secret Service of its own (test/with-keyring.sh,
 * started afresh even from inside one): for scenarios that lock or stop their keychain while other tests use theirs.
 */
export function runInOwnKeychain(scenario: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MCPKV_IN_TEST_KEYRING;
  delete env.MCPKV_USE_SESSION_KEYRING;
  return runProcess('bash', [path.join(repoRoot, 'test/with-keyring.sh'), process.execPath, '--import', 'tsx', path.join(repoRoot, scenario)], env);
}

/** git in `dir` (which must exist), committing as a user named Test. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { stdio: 'pipe' }).toString();
}
