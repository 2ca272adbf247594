/**
 * The only place secrets are kept: the OS keychain, through keytar (libsecret on Linux, Keychain on macOS,
 * Credential Vault on Windows), under one service name with the key id as account.
 */
import { createRequire } from 'node:module';
import { VaultError } from '../../shared/errors';

export interface SecretStore {
  get(id: string): Promise<string | null>;
  set(id: string, secret: string): Promise<void>;
  /** True if a secret was there. */
  delete(id: string): Promise<boolean>;
  /** Ids of every secret under our service. Reads every secret on some platforms: only for recovery and doctor. */
  listIds(): Promise<string[]>;
}

type Keytar = typeof import('keytar');

export const KEYCHAIN_HELP =
  process.platform === 'linux'
    ? 'The OS keychain is not available. Install libsecret (apt-get install libsecret-1-0) and run a Secret Service such as gnome-keyring or KWallet, unlocked, in your D-Bus session.'
    : 'The OS keychain is not available. Unlock your keychain and try again.';

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

/** keytar's errors describe the platform's failure (no D-Bus, locked, no service), never a secret. */
async function keychainCall<T>(call: (keytar: Keytar) => Promise<T>): Promise<T> {
  const keytar = loadKeytar();
  try {
    return await call(keytar);
  } catch (error) {
    throw new VaultError('KEYCHAIN_UNAVAILABLE', KEYCHAIN_HELP, { cause: error });
  }
}

export class KeytarSecretStore implements SecretStore {
  constructor(readonly service: string) {}

  get(id: string): Promise<string | null> {
    return keychainCall((k) => k.getPassword(this.service, id));
  }

  set(id: string, secret: string): Promise<void> {
    return keychainCall((k) => k.setPassword(this.service, id, secret));
  }

  delete(id: string): Promise<boolean> {
    return keychainCall((k) => k.deletePassword(this.service, id));
  }

  async listIds(): Promise<string[]> {
    const credentials = await keychainCall((k) => k.findCredentials(this.service));
    return credentials.map((c) => c.account);
  }
}
