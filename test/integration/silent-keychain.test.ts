/**
 * A keychain that does not answer (a Secret Service stopped, or waiting on an unlock prompt) costs keytar ~50 s per
 * call and then reads as "not available". Every keychain call has a deadline: past it the app and the CLI say "not
 * answering", change nothing, and a later start reconciles. The scenario stops its keychain, so it runs in a Secret
 * Service of its own. No timing is asserted: the deadline is the scenario's (1.5 s); a hang shows as `hung`.
 */
import { describe, expect, it } from 'vitest';
import { runInOwnKeychain } from '../helpers/process';

interface Run {
  code: number;
  signal: string | null;
  stderr: string;
  hung: boolean;
}

interface Report {
  exported: boolean;
  stopped: {
    rotate: Run;
    unchangedByRotate: boolean;
    appRotate: { ok: boolean; code?: string; message?: string };
    status: { keychainAvailable: boolean; keychainHelp: string | null } | null;
    list: Run & { count: number };
    unchangedByList: boolean;
    pending: string[];
  };
  resumed: {
    stuckCallReturned: boolean;
    secretKept: boolean;
    sideAccountAbsent: boolean;
    envKept: boolean;
    fingerprintKept: boolean;
    doctor: { code: number; hung: boolean; report: unknown };
    pending: string[];
    appRotateNow: boolean;
  };
}

const NOT_ANSWERING = /keychain is not answering/i;

describe('a keychain that does not answer', () => {
  it('is reported as not answering within the deadline, changes nothing, and is reconciled once it answers', async () => {
    const run = await runInOwnKeychain('test/integration/silent-keychain.scenario.ts');
    expect(run.code, run.stderr).toBe(0);
    const { exported, stopped, resumed } = JSON.parse(run.stdout.trim().split('\n').pop()!) as Report;
    expect(exported).toBe(true);

    // mcpkv rotate: one line saying so, a failure exit, and the vault file and the .env untouched. The keychain call
    // that timed out cannot be cancelled and Node's exit would wait for it: mcpkv ends itself by SIGTERM instead.
    expect(stopped.rotate).toMatchObject({ hung: false, signal: 'SIGTERM' });
    expect(stopped.rotate.stderr.trim()).toMatch(NOT_ANSWERING);
    expect(stopped.rotate.stderr.trim().split('\n')).toHaveLength(1);
    expect(stopped.unchangedByRotate).toBe(true);
    // The app: the renderer gets { code, message }; the status tells "not answering" apart from unavailable.
    expect(stopped.appRotate).toMatchObject({ ok: false, code: 'KEYCHAIN_TIMEOUT', message: expect.stringMatching(NOT_ANSWERING) });
    expect(stopped.status).toMatchObject({ keychainAvailable: false, keychainHelp: expect.stringMatching(NOT_ANSWERING) });
    // mcpkv list with an operation to mend: it answers, with a note, and the mending waits (the marker stays).
    expect(stopped.list).toMatchObject({ hung: false, signal: 'SIGTERM', count: 1 });
    expect(stopped.list.stderr).toMatch(NOT_ANSWERING);
    expect(stopped.unchangedByList).toBe(true);
    expect(stopped.pending).toEqual(['rotate']);

    // Answering again: the secret, the .env and the record are as they were, and the next start reconciled.
    expect(resumed).toMatchObject({ stuckCallReturned: true, secretKept: true, sideAccountAbsent: true, envKept: true, fingerprintKept: true, pending: [] });
    expect(resumed.doctor).toMatchObject({ code: 0, hung: false, report: { findings: [] } });
    expect(resumed.appRotateNow).toBe(true);
  }, 180_000);
});
