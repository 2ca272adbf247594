/**
 * Runs `mcpkv run`'s command and makes its end ours, the way a shell would.
 *
 * - Where Node has process.execve (22.15+) and the output needs no masking, this process becomes the command
 *   (execve(2)): same pid, nothing left in between, so killing it (even with SIGKILL) leaves no orphan.
 * - Otherwise the command is a child with our stdin, stdout and stderr (inherited: byte for byte), or pipes
 *   through the masker for the streams that are a terminal. SIGINT, SIGTERM and SIGHUP are passed on to it.
 *   Its exit code is ours; when it dies of a signal we die of the same signal (a shell then reports 128+n), or
 *   exit 128+n if that signal does not end us. If this process is killed with SIGKILL, which cannot be caught,
 *   the command lives on (it is in our process group, so a terminal's Ctrl-C still reaches it).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SecretMasker } from './masker';

const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Exit codes a shell uses when the command cannot be run. */
export const EXIT_NOT_FOUND = 127;
export const EXIT_NOT_EXECUTABLE = 126;

type Execve = (file: string, args: string[], env: NodeJS.ProcessEnv) => never;

/** process.execve where this Node has it (22.15+, not on Windows). */
function execve(): Execve | undefined {
  const candidate = (process as { execve?: Execve }).execve;
  return typeof candidate === 'function' && process.platform !== 'win32' ? candidate.bind(process) : undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The file `command` names, as a shell finds it: a name with a slash as a path, else the first executable file
 * of that name on PATH. Undefined when there is none. (execve needs the path; spawn then runs the same file.)
 */
export function findExecutable(command: string, searchPath: string | undefined): string | undefined {
  if (process.platform === 'win32') return command; // spawn searches PATH and PATHEXT itself
  if (command.includes('/')) return isExecutableFile(command) ? path.resolve(command) : undefined;
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    const file = path.resolve(dir || '.', command);
    if (isExecutableFile(file)) return file;
  }
  return undefined;
}

export interface Launch {
  /** The command as given (its argv[0]) and the file it was found as. */
  command: string;
  file: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Values to mask in output that goes to a terminal; none: output is never touched. */
  mask: readonly string[];
}

/** Pipes `from` to `to` through a masker of `secrets`; resolves when `from` ends. */
function pipeMasked(from: NodeJS.ReadableStream, to: NodeJS.WriteStream, secrets: readonly string[]): Promise<void> {
  const masker = new SecretMasker(secrets);
  return new Promise((resolve) => {
    from.on('data', (chunk: Buffer) => to.write(masker.push(chunk)));
    from.on('end', () => to.write(masker.end(), () => resolve()));
    from.on('error', () => resolve());
  });
}

/** The number of `signal`, for 128+n. */
function signalNumber(signal: NodeJS.Signals): number {
  return os.constants.signals[signal] ?? 0;
}

/**
 * Runs the command to its end and returns the exit code to use; when the command died of a signal, first
 * raises it on this process. With execve it never returns.
 */
export async function runCommand(launch: Launch): Promise<number> {
  const maskOut = launch.mask.length > 0 && process.stdout.isTTY === true;
  const maskErr = launch.mask.length > 0 && process.stderr.isTTY === true;
  const replace = execve();
  if (replace && !maskOut && !maskErr) replace(launch.file, [launch.command, ...launch.args], launch.env);

  const child = spawn(launch.file, launch.args, {
    argv0: launch.command,
    env: launch.env,
    stdio: ['inherit', maskOut ? 'pipe' : 'inherit', maskErr ? 'pipe' : 'inherit'],
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  const piped = [maskOut && child.stdout && pipeMasked(child.stdout, process.stdout, launch.mask), maskErr && child.stderr && pipeMasked(child.stderr, process.stderr, launch.mask)];
  const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | { error: NodeJS.ErrnoException }>((resolve) => {
    child.on('error', (error) => resolve({ error }));
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  await Promise.all(piped);
  for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
  if ('error' in ended) {
    process.stderr.write(`mcpkv: ${path.basename(launch.command)}: cannot run it (${ended.error.code ?? 'error'}).\n`);
    return ended.error.code === 'ENOENT' ? EXIT_NOT_FOUND : EXIT_NOT_EXECUTABLE;
  }
  if (ended.signal) {
    // With no handler left, the signal's default action ends us as it ended the command. Other handlers go too
    // (proper-lockfile's signal-exit keeps one; no lock is held by now). libuv lets go of a signal when its
    // handle closes, on the next turn of the loop.
    process.removeAllListeners(ended.signal);
    await new Promise((resolve) => setImmediate(resolve));
    process.kill(process.pid, ended.signal);
    return 128 + signalNumber(ended.signal);
  }
  return ended.code ?? 1;
}
