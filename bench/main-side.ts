/** The main process as the bench builds it: the real main side (createMainSide), with in-memory stand-ins for the OS bits. */
import path from 'node:path';
import { ActivityLog } from '../electron/core/activity-log';
import { MemoryClipboard } from '../test/helpers/memory-clipboard';
import { ScriptedConfirm } from '../test/helpers/scripted-confirm';
import { testMcpDeps } from '../test/helpers/test-mcp';
import type { SecretStore } from '../electron/core/keychain';
import { KeytarSecretStore } from '../electron/core/keychain';
import { openNodeStore } from '../electron/core/conf-store';
import { Vault } from '../electron/core/vault';
import type { Dispatch } from '../electron/main/ipc-dispatch';
import { createMainSide } from '../electron/main/main-side';

export function openVault(home: string, secrets: SecretStore): Vault {
  return new Vault({ store: openNodeStore(home), secrets });
}

export function keytarSecrets(service: string): SecretStore {
  return new KeytarSecretStore(service);
}

export function mainDispatch(vault: Vault): Dispatch {
  return createMainSide({
    vault,
    clipboard: new MemoryClipboard(),
    dialogs: { chooseFolder: async () => null },
    confirm: new ScriptedConfirm().confirm,
    mcp: testMcpDeps(path.join(path.dirname(vault.store.path), 'client-home')),
    activity: new ActivityLog(path.dirname(vault.store.path)),
    notices: [],
  }).dispatch;
}

/** Counts every call that reaches the keychain. `secretReads` are reads of a key's secret (or of all of them). */
export class CountingSecrets implements SecretStore {
  calls = { get: 0, set: 0, delete: 0, listIds: 0, check: 0 };
  secretReads = 0;
  constructor(
    private readonly inner: SecretStore,
    private readonly isKeyId: (account: string) => boolean,
  ) {}
  reset(): void {
    this.calls = { get: 0, set: 0, delete: 0, listIds: 0, check: 0 };
    this.secretReads = 0;
  }
  get total(): number {
    return this.calls.get + this.calls.set + this.calls.delete + this.calls.listIds + this.calls.check;
  }
  get(id: string) {
    this.calls.get++;
    if (this.isKeyId(id)) this.secretReads++;
    return this.inner.get(id);
  }
  set(id: string, secret: string) {
    this.calls.set++;
    return this.inner.set(id, secret);
  }
  delete(id: string) {
    this.calls.delete++;
    return this.inner.delete(id);
  }
  listIds() {
    this.calls.listIds++;
    this.secretReads++;
    return this.inner.listIds();
  }
  /** A read of a kept probe account that never holds a key (written once, on the first check): no secret is read. */
  check() {
    this.calls.check++;
    return this.inner.check();
  }
}
