/**
 * The opened vault and the services the commands use on it. Loaded only through the session (session.ts),
 * with import(): everything heavy the CLI needs comes in from here.
 */
import path from 'node:path';
import { ActivityLog } from '../core/activity-log';
import { ExportsService } from '../core/exports/exports-service';
import { openNodeVaultRecovering } from '../core/open-vault';
export { keychainCallStuck } from '../core/keychain';
import { Projects } from '../core/projects';
import { SettingsStore } from '../core/settings';
import type { Vault } from '../core/vault';

export interface VaultContext {
  vault: Vault;
  settings: SettingsStore;
  projects: Projects;
  exports: ExportsService;
  /** The activity log beside the vault file. */
  activity: ActivityLog;
}

/** Opens the vault (mending it first) and returns it with notes for the user about what was mended. */
export async function openVaultContext(env: NodeJS.ProcessEnv): Promise<{ context: VaultContext; notes: string[] }> {
  const { vault, notes } = await openNodeVaultRecovering(env);
  const projects = new Projects(vault.store);
  return {
    context: {
      vault,
      settings: new SettingsStore(vault.store),
      projects,
      exports: new ExportsService(vault, projects),
      activity: new ActivityLog(path.dirname(vault.store.path)),
    },
    notes,
  };
}
