/**
 * Run by locked-keychain.test.ts inside a Secret Service of its own (test/with-keyring.sh, started afresh), because
 * it locks that keychain: other test files share theirs and run at the same time. Creates keys, locks the
 * keychain over D-Bus as a desktop does, uses the vault (IPC handlers, CLI, opening with recovery), unlocks it
 * again and checks that nothing was lost. Prints one JSON report on stdout; it holds no secret, only what the
 * user would see (codes, messages, exit codes) and whether the secrets survived.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KeytarSecretStore } from '../../electron/core/keychain';
import { openNodeStore } from '../../electron/core/conf-store';
import { openNodeVaultRecovering } from '../../electron/core/open-vault';
import { Vault } from '../../electron/core/vault';
import { testMainSide } from '../helpers/test-main-side';
import { keytar, runCli } from '../helpers/process';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpkv-locked-'));
const service = `mcpkv-locked-${randomBytes(6).toString('hex')}`;
// HOME: an empty folder, so doctor's look at MCP clients' configs finds this test's (none), not the user's own.
const env: NodeJS.ProcessEnv = { ...process.env, MCPKV_HOME: home, MCPKV_KEYCHAIN_SERVICE: service, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') };
const open = () => new Vault({ store: openNodeStore(home), secrets: new KeytarSecretStore(service) });

function secretService(method: string, ...args: string[]): string {
  return execFileSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', `org.freedesktop.Secret.Service.${method}`, ...args], { encoding: 'utf8' });
}

/** Locks the collection keytar writes to (the "default" alias), as the desktop does on a timeout or at login. */
function lockKeychain(): void {
  const collection = /'(\/org\/freedesktop\/secrets\/collection\/[^']+)'/.exec(secretService('ReadAlias', 'default'))?.[1];
  if (!collection) throw new Error('no default collection');
  secretService('Lock', `['${collection}']`);
}

/** Unlocks it again: a new daemon replaces the running one and unlocks the login keyring with its password. */
function unlockKeychain(): void {
  execFileSync('gnome-keyring-daemon', ['--replace', '--unlock', '--components=secrets', '--daemonize'], { input: 'pw', stdio: ['pipe', 'ignore', 'ignore'] });
}

const vault = open();
const { dispatch } = testMainSide(vault);
const call = async (channel: string, payload: unknown = {}) => {
  const envelope = await dispatch(channel, payload);
  return envelope.ok ? { ok: true as const } : { ok: false as const, code: envelope.error.code, message: envelope.error.message };
};

const keys = [];
for (const name of ['alpha', 'beta', 'gamma']) keys.push(await vault.create({ name, expiresInDays: 30 }));
const [alpha, beta, gamma] = keys as [(typeof keys)[0], (typeof keys)[0], (typeof keys)[0]];
const statusBefore = (await dispatch('vault:status', {})) as { ok: true; value: { keychainAvailable: boolean } };

lockKeychain();
const lockedRead = await keytar.getPassword(service, alpha.id);
const locked = {
  // What libsecret itself answers for a locked keychain: "no such secret". The vault must not believe it.
  keytarReadsNull: lockedRead === null,
  status: ((await dispatch('vault:status', {})) as { ok: true; value: { keychainAvailable: boolean; keychainHelp: string | null } }).value,
  reveal: await call('keys:reveal', { id: alpha.id }),
  copy: await call('keys:copy', { id: alpha.id }),
  revoke: await call('keys:revoke', { id: beta.id }),
  delete: await call('keys:delete', { id: gamma.id, confirmName: 'gamma' }),
  rotate: await call('keys:rotate', { id: alpha.id }),
  create: await call('keys:create', { name: 'delta', expiresInDays: 30 }),
  doctor: await call('vault:doctor', { repair: true }),
  cliDoctor: await runCli(['doctor'], env),
  cliShowKeys: await runCli(['list', '--show-keys'], env),
  cliList: await runCli(['list', '--json'], env),
};
// An interrupted delete of gamma, found when the vault is next opened while the keychain is still locked.
vault.journal.begin({ id: gamma.id, op: 'delete' });
const reopened = await openNodeVaultRecovering(env);
const afterLocked = {
  notes: reopened.notes,
  keyNames: reopened.vault.list().map((k) => k.name).sort(),
  betaRevoked: reopened.vault.get(beta.id).status === 'revoked',
  pending: vault.journal.pending().map((p) => p.op),
};
vault.journal.end({ id: gamma.id, op: 'delete' });

unlockKeychain();
// This process's libsecret connection still points at the replaced daemon: look through new processes (the CLI).
const doctorAfter = await runCli(['doctor', '--json'], env);
const shown = await runCli(['list', '--show-keys', '--json'], env);
const shownSecrets = shown.code === 0 ? new Map((JSON.parse(shown.stdout) as { id: string; secret?: string }[]).map((k) => [k.id, k.secret])) : new Map();
const unlocked = {
  doctor: { code: doctorAfter.code, report: doctorAfter.code === 0 ? (JSON.parse(doctorAfter.stdout) as { findings: unknown[]; checked: unknown }) : doctorAfter.stderr },
  secretsKept: keys.every((k) => shownSecrets.get(k.id) === k.secret),
};

const report = {
  statusBefore: statusBefore.value,
  locked: {
    ...locked,
    cliDoctor: { code: locked.cliDoctor.code, stderr: locked.cliDoctor.stderr },
    cliShowKeys: { code: locked.cliShowKeys.code, stderr: locked.cliShowKeys.stderr },
    cliList: { code: locked.cliList.code, count: locked.cliList.code === 0 ? (JSON.parse(locked.cliList.stdout) as unknown[]).length : -1 },
  },
  afterLocked,
  unlocked,
  ids: keys.map((k) => k.id).sort(),
};
const text = JSON.stringify(report);
// The report goes to the test's output on failure: it must not hold a secret.
if (keys.some((k) => text.includes(k.secret))) throw new Error('a secret reached the report');
process.stdout.write(`${text}\n`);
// The keychain goes with its private session; only the folder is left to remove.
fs.rmSync(home, { recursive: true, force: true });
