/**
 * A locked OS keychain (a desktop locks the "Login" keyring on a timeout, or never unlocks it after an
 * auto-login). libsecret then answers reads as if the secret did not exist, deletes as if there were nothing
 * to delete, and keytar's findCredentials crashes the process. The vault must say "locked", change nothing,
 * and lose nothing. The scenario locks its keychain, so it runs in a Secret Service of its own.
 */
import { describe, expect, it } from 'vitest';
import { runInOwnKeychain } from '../helpers/process';

interface Failure {
  ok: false;
  code: string;
  message: string;
}

interface Report {
  statusBefore: { keychainAvailable: boolean };
  locked: {
    keytarReadsNull: boolean;
    status: { keychainAvailable: boolean; keychainHelp: string | null };
    reveal: Failure;
    copy: Failure;
    revoke: Failure;
    delete: Failure;
    rotate: Failure;
    create: Failure;
    doctor: Failure;
    cliDoctor: { code: number; stderr: string };
    cliShowKeys: { code: number; stderr: string };
    cliList: { code: number; count: number };
  };
  afterLocked: { notes: string[]; keyNames: string[]; betaRevoked: boolean; pending: string[] };
  unlocked: { doctor: { code: number; report: { findings: unknown[]; checked: { keys: number; secrets: number } } | string }; secretsKept: boolean };
  ids: string[];
}

const LOCKED = /keychain is locked/i;

describe('a locked keychain', () => {
  it('is reported as locked, changes nothing, crashes nothing and loses nothing', async () => {
    const run = await runInOwnKeychain('test/integration/locked-keychain.scenario.ts');
    expect(run.stderr).not.toMatch(/Segmentation fault|CRITICAL/);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as Report;
    const { locked, afterLocked, unlocked } = report;

    expect(report.statusBefore.keychainAvailable).toBe(true);
    // The trap itself: libsecret answers a read of a locked keychain with "nothing there".
    expect(locked.keytarReadsNull).toBe(true);

    // The app's banner: read-only, and why.
    expect(locked.status.keychainAvailable).toBe(false);
    expect(locked.status.keychainHelp).toMatch(LOCKED);
    // Every action that needs the keychain fails with KEYCHAIN_UNAVAILABLE and says "locked", never "missing".
    for (const failure of [locked.reveal, locked.copy, locked.revoke, locked.delete, locked.rotate, locked.create, locked.doctor]) {
      expect(failure).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
      expect(failure.message).toMatch(LOCKED);
    }
    // The CLI: a clear one-line error, not a crash (keytar's findCredentials segfaults on a locked keychain).
    expect(locked.cliDoctor.code).toBe(1);
    expect(locked.cliDoctor.stderr).toMatch(LOCKED);
    expect(locked.cliShowKeys.code).toBe(1);
    expect(locked.cliShowKeys.stderr).toMatch(LOCKED);
    // What needs no keychain still works.
    expect(locked.cliList).toEqual({ code: 0, count: 3 });

    // Nothing changed: beta is not revoked, gamma not deleted, no key created; the interrupted delete waits.
    expect(afterLocked.keyNames).toEqual(['alpha', 'beta', 'gamma']);
    expect(afterLocked.betaRevoked).toBe(false);
    expect(afterLocked.notes.join(' ')).not.toMatch(/Finished/);
    expect(afterLocked.pending).toEqual(['delete']);

    // Unlocked: every secret is where it was, the keychain holds nothing else, and doctor finds the vault healthy.
    expect(unlocked.secretsKept).toBe(true);
    expect(unlocked.doctor).toEqual({ code: 0, report: { findings: [], checked: { keys: 3, secrets: 3, exports: 0, mcpServers: 0 }, repaired: [] } });
  }, 60_000);
});
