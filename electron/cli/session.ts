/**
 * The vault as the commands get it: opened on first use, once per run, by the commands that need it. Opening
 * loads the vault core (keytar, conf, zod) with import(), so commands that never open it (--version, --help,
 * a usage error) do not load it at all. Opening mends first what can be mended (an unreadable vault file, an
 * operation a killed process cut short) and tells the user on stderr.
 */
import type { Output } from './respond';
import type { VaultContext } from './vault-context';

export interface VaultSession {
  /** The vault and the services on it; the first call opens it. */
  open(): Promise<VaultContext>;
  /**
   * True while a keychain call that passed its deadline still runs (keychain.ts): it would keep the process alive
   * until the keychain answers, so the CLI exits without waiting for it.
   */
  keychainCallStuck(): boolean;
}

export function createVaultSession(output: Output, env: NodeJS.ProcessEnv = process.env): VaultSession {
  let opening: Promise<VaultContext> | undefined;
  let loaded: typeof import('./vault-context') | undefined;
  return {
    open: () =>
      (opening ??= import('./vault-context').then(async (module) => {
        loaded = module;
        const { context, notes } = await module.openVaultContext(env);
        for (const line of notes) output.note(`mcpkv: ${line}`);
        return context;
      })),
    keychainCallStuck: () => loaded?.keychainCallStuck() ?? false,
  };
}
