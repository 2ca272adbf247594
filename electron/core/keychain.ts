/**
 * The only place secrets are kept: the OS keychain, through keytar (libsecret on Linux, Keychain on macOS,
 * Credential Vault on Windows), under one service name with the key id as account.
 */
import { createRequire } from 'node:module';
import { isVaultError, VaultError } from '../../shared/errors';

export interface SecretStore {
  get(id: string): Promise<string | null>;
  set(id: string, secret: string): Promise<void>;
  /** True if a secret was there. */
  delete(id: string): Promise<boolean>;
  /** Ids of every secret under our service. Reads every secret on some platforms: only for recovery and doctor. */
  listIds(): Promise<string[]>;
  /**
   * Resolves if the keychain can be used now (reachable and unlocked); throws KEYCHAIN_UNAVAILABLE, saying why, if
   * not, or KEYCHAIN_TIMEOUT if it does not answer in time (as every call may).
   */
  check(): Promise<void>;
}

type Keytar = typeof import('keytar');

export const KEYCHAIN_HELP =
  process.platform === 'linux'
    ? 'The OS keychain is not available. Install libsecret (apt-get install libsecret-1-0) and run a Secret Service such as gnome-keyring or KWallet, unlocked, in your D-Bus session.'
    : 'The OS keychain is not available. Unlock your keychain and try again.';

export const KEYCHAIN_LOCKED_HELP =
  process.platform === 'linux'
    ? 'The OS keychain is locked. Unlock it (the "Login" keyring, e.g. in Passwords and Keys) and try again.'
    : 'The OS keychain is locked. Unlock it and try again.';

/**
 * An account that never holds a key, only PROBE_VALUE: reading it back proves the keychain is reachable and
 * unlocked (a locked keychain reads as empty). It is written on the first check, a write a locked keychain
 * refuses, and then kept, so that a check is one read and not a rewrite of the user's keyring file.
 */
export const PROBE_ACCOUNT = '__mcpkv_probe__';
export const PROBE_VALUE = 'probe';

let keytarModule: Keytar | undefined;

function loadKeytar(): Keytar {
  if (!keytarModule) {
    try {
      keytarModule = createRequire(import.meta.url)('keytar') as Keytar;
    } catch (error) {
      throw new VaultError('KEYCHAIN_UNAVAILABLE', `${KEYCHAIN_HELP} (keytar could not be loaded)`, { cause: error });
    }
  }
  return keytarModule;
}

export const KEYCHAIN_TIMEOUT_HELP =
  'The OS keychain is not answering. Nothing was changed; try again when it responds (is it waiting for you to unlock it?).';

/** The status's words for it (the app's banner), where no operation failed. */
export const KEYCHAIN_SILENT_HELP = 'The OS keychain is not answering (is it waiting for you to unlock it?).';

/**
 * How long one keychain call may take. A Secret Service that does not answer (stopped, or waiting on an unlock
 * prompt) otherwise costs about 50 s per call (two D-Bus timeouts) and then reads as "unavailable".
 * MCPKV_KEYCHAIN_TIMEOUT_MS shortens it for tests.
 */
const DEFAULT_TIMEOUT_MS = 10_000;

function deadlineMs(): number {
  const fromEnv = Number(process.env.MCPKV_KEYCHAIN_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TIMEOUT_MS;
}

export function isKeychainTimeout(error: unknown): boolean {
  return isVaultError(error) && error.code === 'KEYCHAIN_TIMEOUT';
}

/**
 * A call that passed its deadline and has not returned: keytar runs each call on one of libuv's few worker
 * threads and cannot cancel it, so it may still finish (and write) later. While it runs, new calls fail at
 * once instead of queueing behind it, filling the pool and stalling file I/O with it.
 */
let stuckCall: Promise<unknown> | null = null;

/** True while a keychain call that timed out still runs: it keeps the process alive until the keychain answers. */
export function keychainCallStuck(): boolean {
  return stuckCall !== null;
}

/** Runs `call` with a deadline; past it, throws KEYCHAIN_TIMEOUT and leaves the call to finish on its own. */
async function withDeadline<T>(call: () => Promise<T>): Promise<T> {
  if (stuckCall) throw new VaultError('KEYCHAIN_TIMEOUT', KEYCHAIN_TIMEOUT_HELP);
  const running = call();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new VaultError('KEYCHAIN_TIMEOUT', KEYCHAIN_TIMEOUT_HELP)), deadlineMs());
  });
  try {
    return await Promise.race([running, deadline]);
  } catch (error) {
    if (isKeychainTimeout(error)) {
      stuckCall = running;
      const settled = () => {
        if (stuckCall === running) stuckCall = null;
      };
      running.then(settled, settled);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** keytar's errors describe the platform's failure (no D-Bus, locked, no service), never a secret. */
async function keychainCall<T>(call: (keytar: Keytar) => Promise<T>): Promise<T> {
  const keytar = loadKeytar();
  try {
    return await withDeadline(() => call(keytar));
  } catch (error) {
    if (isKeychainTimeout(error)) throw error;
    const locked = error instanceof Error && /\blocked\b/i.test(error.message);
    throw new VaultError('KEYCHAIN_UNAVAILABLE', locked ? KEYCHAIN_LOCKED_HELP : KEYCHAIN_HELP, { cause: error });
  }
}

/**
 * A locked keychain looks empty to a read: libsecret answers "no such item" for a locked collection, and
 * deleting from it "removes nothing". So an absent answer is checked (check(): the probe account reads back,
 * or can be written, which a locked keychain refuses or, on a desktop, asks the user to unlock for) and then
 * asked again. Without this a locked keychain would pass for lost secrets, and revoke or delete would leave
 * the secret behind.
 */
export class KeytarSecretStore implements SecretStore {
  constructor(readonly service: string) {}

  async get(id: string): Promise<string | null> {
    const secret = await keychainCall((k) => k.getPassword(this.service, id));
    if (secret !== null) return secret;
    await this.check();
    return keychainCall((k) => k.getPassword(this.service, id));
  }

  set(id: string, secret: string): Promise<void> {
    return keychainCall((k) => k.setPassword(this.service, id, secret));
  }

  async delete(id: string): Promise<boolean> {
    if (await keychainCall((k) => k.deletePassword(this.service, id))) return true;
    await this.check();
    return keychainCall((k) => k.deletePassword(this.service, id));
  }

  async listIds(): Promise<string[]> {
    // Checked first: on a locked collection keytar's findCredentials crashes the whole process (a libsecret
    // assertion, then a null dereference), where the probe fails with an error.
    await this.check();
    const credentials = await keychainCall((k) => k.findCredentials(this.service));
    return credentials.map((c) => c.account).filter((account) => account !== PROBE_ACCOUNT);
  }

  check(): Promise<void> {
    return keychainCall(async (k) => {
      if ((await k.getPassword(this.service, PROBE_ACCOUNT)) === PROBE_VALUE) return;
      await k.setPassword(this.service, PROBE_ACCOUNT, PROBE_VALUE);
    });
  }
}
