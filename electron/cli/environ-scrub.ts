/**
 * Takes a variable out of this process's environment, including the copy the OS shows others.
 *
 * Deleting from process.env (unsetenv) only drops the variable from the C library's list: on Linux,
 * /proc/<pid>/environ keeps showing the block the process started with (the kernel reads it from the process's
 * memory, between the env_start and env_end addresses of /proc/<pid>/stat). So the variable's entry in that block
 * is overwritten with zeros, through /proc/self/mem, which a process may always write of itself. Nothing points
 * at the entry any more once unsetenv has run, so nothing else reads the zeros.
 *
 * Elsewhere (no /proc, or a sandbox that forbids it) only the unsetenv part is done: the starting environment then
 * stays readable by the same user (and root), as it is for every process.
 */
import fs from 'node:fs';

/** proc(5): field 50 of /proc/<pid>/stat is env_start; the fields after the parenthesised name start at field 3. */
const ENV_START_FIELD = 50;
const FIRST_FIELD_AFTER_NAME = 3;

/** The address the starting environment block begins at (the name in parentheses may itself hold spaces). */
function environStart(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // A user-space address fits in a double exactly (48 bits at most), and fs.writeSync takes it as a position.
  const start = Number(fields[ENV_START_FIELD - FIRST_FIELD_AFTER_NAME]);
  if (!Number.isSafeInteger(start) || start <= 0) throw new Error('no env_start');
  return start;
}

/** Overwrites every `NAME=…` entry of the starting environment block with zeros. */
function zeroStartingEntries(name: string): void {
  const block = fs.readFileSync('/proc/self/environ');
  const prefix = Buffer.from(`${name}=`);
  const start = environStart();
  const mem = fs.openSync('/proc/self/mem', 'r+');
  try {
    for (let at = 0; at < block.length; ) {
      const nul = block.indexOf(0, at);
      const end = nul < 0 ? block.length : nul;
      if (block.subarray(at, at + prefix.length).equals(prefix)) fs.writeSync(mem, Buffer.alloc(end - at), 0, end - at, start + at);
      at = end + 1;
    }
  } finally {
    fs.closeSync(mem);
  }
}

export function removeFromEnvironment(name: string): void {
  delete process.env[name];
  if (process.platform !== 'linux') return;
  try {
    zeroStartingEntries(name);
  } catch {
    // No /proc, or writing our own memory is forbidden here: the variable is gone from process.env at least.
  }
}
