/**
 * The cross-process lock on a vault file (proper-lockfile: a `<file>.lock` directory whose mtime the holder
 * refreshes), plus who holds it: the holder writes `owner` (pid, start time, host, boot, pid namespace) into
 * the directory.
 *
 * Why: a holder killed with SIGKILL (a crash, the OOM killer, `kill -9`) cannot remove its lock, and
 * proper-lockfile only takes a lock over once its mtime is `stale` old (10 s). Every next command waited
 * that long, and a waiter gives up ("vault is busy") after its retries. A lock whose owner is known to be
 * gone — same host, boot and pid namespace; no such process, a zombie, or another process under its pid — is
 * stale at once. Anything less certain (no owner file, another host, container or boot) keeps the mtime rule,
 * so a live holder is never robbed.
 *
 * The owner file is added and removed through proper-lockfile's documented `fs` option, so every path that
 * creates or removes the directory (acquire, release, stale takeover, release on exit signals) handles it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';

const OWNER = 'owner';
type Callback<T = void> = (error: NodeJS.ErrnoException | null, value?: T) => void;

function readOr(file: string, fallback: string, read = (f: string) => fs.readFileSync(f, 'utf8')): string {
  try {
    return read(file).trim();
  } catch {
    return fallback;
  }
}

/**
 * When a process started (Linux: clock ticks since boot, from /proc/<pid>/stat), so that a pid reused by another
 * process is not taken for the owner; null if there is no such live process (a zombie is dead too); '' where
 * /proc does not tell (macOS, Windows: only "no such pid" counts there).
 */
function startOf(pid: number): string | null {
  if (!fs.existsSync('/proc/self/stat')) return '';
  const stat = readOr(`/proc/${pid}/stat`, '');
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[0] === 'Z' || fields[0] === 'X' ? null : (fields[19] ?? '');
}

interface Owner {
  pid: number;
  host: string;
  /** This boot and pid namespace (Linux); pids of other containers or boots are not ours to judge. */
  ns: string;
  start: string | null;
}

const us: Owner = {
  pid: process.pid,
  host: os.hostname(),
  ns: `${readOr('/proc/self/ns/pid', '', fs.readlinkSync)} ${readOr('/proc/sys/kernel/random/boot_id', '')}`,
  start: startOf(process.pid),
};

function readOwner(lockDir: string): string | null {
  try {
    return fs.readFileSync(path.join(lockDir, OWNER), 'utf8');
  } catch {
    return null;
  }
}

/** True only when the owner surely no longer runs: a process of this host, boot and pid namespace that is gone. */
function ownerIsGone(owner: string | null): boolean {
  if (owner === null) return false;
  let parsed: Partial<Owner>;
  try {
    parsed = JSON.parse(owner) as Partial<Owner>;
  } catch {
    return false;
  }
  const pid = parsed.pid;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || parsed.host !== us.host || parsed.ns !== us.ns) return false;
  const start = startOf(pid);
  if (start !== '') return start === null || (typeof parsed.start === 'string' && parsed.start !== '' && start !== parsed.start);
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Locks judged abandoned, with the owner seen then: removed only if that owner is still the one there. */
const judgedGone = new Map<string, string>();

function removable(lockDir: string): boolean {
  const judged = judgedGone.get(lockDir);
  judgedGone.delete(lockDir);
  return judged === undefined || readOwner(lockDir) === judged;
}

function busy(lockDir: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${lockDir} changed hands`), { code: 'EBUSY' });
}

/**
 * The directory is renamed away before it is emptied: a lock is released (or taken over) in one atomic step,
 * so a kill halfway leaves at worst a `.gone` folder that the next holder sweeps, never a lock without owner.
 */
function tombstone(lockDir: string): string {
  return `${lockDir}.${process.pid}.${randomBytes(4).toString('hex')}.gone`;
}

function sweepTombstones(lockDir: string): void {
  const prefix = `${path.basename(lockDir)}.`;
  try {
    for (const name of fs.readdirSync(path.dirname(lockDir))) {
      if (name.startsWith(prefix) && name.endsWith('.gone')) fs.rmSync(path.join(path.dirname(lockDir), name), { recursive: true, force: true });
    }
  } catch {
    // Best effort: a leftover costs a few bytes, never a wait.
  }
}

const ownedLockFs = {
  ...fs,
  mkdir(lockDir: string, callback: Callback) {
    // Synchronously, the owner right after the directory: a kill between the two is the only way to leave a
    // lock without its owner (judged by its mtime alone, as before), and that window is two system calls wide.
    try {
      fs.mkdirSync(lockDir);
    } catch (error) {
      return process.nextTick(callback, error as NodeJS.ErrnoException);
    }
    try {
      fs.writeFileSync(path.join(lockDir, OWNER), JSON.stringify(us), { mode: 0o600 });
    } catch {
      // Best effort, as said above.
    }
    sweepTombstones(lockDir);
    process.nextTick(callback, null);
  },
  stat(lockDir: string, callback: Callback<fs.Stats>) {
    fs.stat(lockDir, (error, stats) => {
      if (error) return callback(error);
      const owner = readOwner(lockDir);
      if (!ownerIsGone(owner)) return callback(null, stats);
      judgedGone.set(lockDir, owner!);
      callback(null, Object.assign(Object.create(Object.getPrototypeOf(stats) as object) as fs.Stats, stats, { mtime: new Date(0) }));
    });
  },
  rmdir(lockDir: string, callback: Callback) {
    if (!removable(lockDir)) return callback(busy(lockDir));
    const gone = tombstone(lockDir);
    fs.rename(lockDir, gone, (error) => {
      if (error) return callback(error);
      fs.rm(gone, { recursive: true, force: true }, () => callback(null));
    });
  },
  rmdirSync(lockDir: string) {
    const gone = tombstone(lockDir);
    fs.renameSync(lockDir, gone);
    fs.rmSync(gone, { recursive: true, force: true });
  },
};

/** Takes `<file>.lock` (waiting up to several seconds for a live holder) and resolves to its release. */
export function lockFile(file: string): Promise<() => Promise<void>> {
  return lockfile.lock(file, {
    realpath: false,
    lockfilePath: `${file}.lock`,
    stale: 10_000,
    retries: { retries: 400, factor: 1.3, minTimeout: 2, maxTimeout: 50, randomize: true },
    fs: ownedLockFs,
  });
}
