/**
 * Run by silent-keychain.test.ts inside a Secret Service of its own (test/with-keyring.sh, started afresh), because
 * it stops that keychain: other test files share theirs. Creates a key exported to a .env, then stops this session's
 * own gnome-keyring-daemon (SIGSTOP: it stays on the bus and never answers, like a keychain waiting on an unlock
 * prompt) and uses the vault through the CLI and the app's handlers with a short keychain deadline. Resumes the
 * daemon (always) and checks that nothing changed and the next start reconciles. Prints one JSON report on stdout
 * with what the user would see and whether things stayed as they were; never a secret.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keychainCallStuck, KeytarSecretStore } from '../../electron/core/keychain';
import { openNodeStore } from '../../electron/core/conf-store';
import { Vault } from '../../electron/core/vault';
import { testMainSide } from '../helpers/test-main-side';
import { keytar, repoRoot, type CliResult } from '../helpers/process';

/** The deadline this scenario gives every keychain call, here and in the CLI processes it starts. */
process.env.MCPKV_KEYCHAIN_TIMEOUT_MS = '1500';
/** A process that outlives this is hung (it would wait ~50 s per keychain call without a deadline). */
const HANG_GUARD_MS = 30_000;

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-silent-'));
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-silent-project-'));
const service = `mcpkv-silent-${randomBytes(6).toString('hex')}`;
const env = { ...process.env, MCPKV_HOME: home, MCPKV_KEYCHAIN_SERVICE: service };
const envFile = path.join(project, '.env');
const vaultFile = path.join(home, 'vault.json');

/** The real mcpkv, killed if it hangs (reported as `hung`). */
function cli(args: string[]): Promise<CliResult & { signal: NodeJS.Signals | null; hung: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mcpkv.js'), ...args], { env, cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    const guard = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, HANG_GUARD_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code: code ?? -1, signal, stdout, stderr, hung });
    });
  });
}

/**
 * This session's own keyring daemon: the gnome-keyring-daemon whose environment has our D-Bus session address.
 * Another session's daemon (a developer's desktop, another test run) is never touched.
 */
function ownKeyringDaemon(): number {
  const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
  if (!bus) throw new Error('no D-Bus session');
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'gnome-keyring-d') continue;
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`DBUS_SESSION_BUS_ADDRESS=${bus}`)) found.push(Number(entry));
    } catch {
      // A process that ended meanwhile, or another user's.
    }
  }
  if (found.length !== 1) throw new Error(`expected one keyring daemon in this session, found ${found.length}`);
  return found[0]!;
}

const snapshot = () => ({ vault: fs.readFileSync(vaultFile, 'utf8'), env: fs.readFileSync(envFile, 'utf8') });

const vault = new Vault({ store: openNodeStore(home), secrets: new KeytarSecretStore(service) });
const { dispatch } = testMainSide(vault);

const key = await vault.create({ name: 'alpha', expiresInDays: 30 });
const used = await cli(['use', key.id, '--env', envFile, '--no-project']);
if (used.code !== 0) throw new Error(`mcpkv use failed: ${used.stderr}`);
const before = snapshot();
const exported = before.env.includes(key.secret);

const daemon = ownKeyringDaemon();
let stopped: Record<string, unknown>;
process.kill(daemon, 'SIGSTOP');
try {
  const rotate = await cli(['rotate', key.id]);
  const afterRotate = snapshot();
  // The app: the same error reaches the renderer as { code, message }; the status says "not answering".
  const appRotate = await dispatch('keys:rotate', { id: key.id });
  const status = await dispatch('vault:status', {});
  // An operation a killed process cut short: opening mends it through the keychain, which must not hang `list`.
  vault.journal.begin({ id: key.id, op: 'rotate' });
  const list = await cli(['list', '--json']);
  stopped = {
    rotate: { code: rotate.code, signal: rotate.signal, stderr: rotate.stderr, hung: rotate.hung },
    unchangedByRotate: afterRotate.vault === before.vault && afterRotate.env === before.env,
    appRotate: appRotate.ok ? { ok: true } : { ok: false, code: appRotate.error.code, message: appRotate.error.message },
    status: status.ok ? status.value : null,
    list: { code: list.code, signal: list.signal, stderr: list.stderr, hung: list.hung, count: list.stdout ? (JSON.parse(list.stdout) as unknown[]).length : -1 },
    unchangedByList: JSON.stringify(snapshot()) === JSON.stringify(before),
    pending: vault.journal.pending().map((p) => p.op),
  };
} finally {
  process.kill(daemon, 'SIGCONT');
}

// The call this process left running finishes once the keychain answers; until then new calls fail at once.
for (let waited = 0; keychainCallStuck() && waited < HANG_GUARD_MS; waited += 100) await new Promise((r) => setTimeout(r, 100));
const doctor = await cli(['doctor', '--json']);
const after = snapshot();
const resumed = {
  stuckCallReturned: !keychainCallStuck(),
  secretKept: (await keytar.getPassword(service, key.id)) === key.secret,
  sideAccountAbsent: (await keytar.getPassword(service, `${key.id}:next`)) === null,
  envKept: after.env === before.env,
  fingerprintKept: vault.get(key.id).fingerprint === key.fingerprint,
  doctor: { code: doctor.code, hung: doctor.hung, report: doctor.code === 0 ? (JSON.parse(doctor.stdout) as unknown) : doctor.stderr },
  pending: vault.journal.pending().map((p) => p.op),
  appRotateNow: (await dispatch('keys:rotate', { id: key.id })).ok,
};

const text = JSON.stringify({ exported, stopped, resumed });
// The report goes to the test's output on failure: it must not hold a secret.
if (text.includes(key.secret)) throw new Error('a secret reached the report');
process.stdout.write(`${text}\n`);
fs.rmSync(home, { recursive: true, force: true });
fs.rmSync(project, { recursive: true, force: true });
