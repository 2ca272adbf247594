/**
 * What each IPC channel does. Plain Node: no `electron` import, so the same handlers run in the
 * Electron main process and, for end-to-end tests, behind the loopback bridge in test/.
 */
import { isVaultError, VaultError } from '../../shared/errors';
import type { IpcChannel, ParsedRequestOf, ResponseOf } from '../../shared/ipc-contract';
import type { KeyView, KeyWithSecret } from '../../shared/types';
import type { ActivityLog } from '../core/activity-log';
import type { ClipboardService } from '../core/clipboard';
import { SettingsStore, withDefaultExpiry } from '../core/settings';
import { KEYCHAIN_HELP } from '../core/keychain';
import { doctor } from '../core/doctor';
import { ProjectExports, suggestVariables } from '../core/project-exports';
import { Projects } from '../core/projects';
import type { Vault } from '../core/vault';
import { createActivityHandlers } from './activity-handlers';

/** The OS dialogs main may open (Electron's dialog in the app; a scripted one in the E2E bridge). */
export interface DialogAdapter {
  chooseFolder(): Promise<string | null>;
}

export interface MainDeps {
  vault: Vault;
  clipboard: ClipboardService;
  dialogs: DialogAdapter;
  /** The activity log to read (default: activity.jsonl in the vault's folder). */
  activity?: Pick<ActivityLog, 'list'>;
  /** Default: the settings in the vault file. */
  settings?: SettingsStore;
  /** What opening the vault had to mend, for the app's banner. */
  notices?: string[];
}

export type Handlers = { [C in IpcChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

function withoutPrevious<T extends KeyWithSecret>({ previousSecret: _previous, ...key }: T & { previousSecret: string }): Omit<T, 'previousSecret'> {
  return key;
}

function withoutSecret({ secret: _secret, ...key }: KeyWithSecret): KeyView {
  return key;
}

export function createHandlers({ vault, clipboard, dialogs, activity, settings = new SettingsStore(vault.store), notices }: MainDeps): Handlers {
  const projects = new Projects(vault.store);
  const projectExports = new ProjectExports(vault, projects);
  return {
    'vault:status': async () => {
      // A probe that reads no secret: unreachable and locked keychains both fail it, each with its own help.
      let keychainHelp: string | null = null;
      try {
        await vault.secrets.check();
      } catch (error) {
        keychainHelp = isVaultError(error) ? error.message : KEYCHAIN_HELP;
      }
      return {
        keychainAvailable: keychainHelp === null,
        keychainHelp,
        storePath: vault.store.path,
        keyCount: Object.keys(vault.store.read().keys).length,
        notices: notices ?? [],
      };
    },
    'vault:doctor': async ({ repair }) => doctor(vault, { repair }),
    'keys:list': async () => vault.list(),
    'keys:get': async ({ id }) => vault.get(id),
    'keys:create': async (input) => {
      // No expiry given: the `defaultExpiryDays` setting (an explicit one is kept as given).
      const key = await vault.create(withDefaultExpiry(input, settings.get()));
      // A generated key is shown once after creation; an imported one is the user's own and is not sent back.
      return input.importSecret !== undefined ? withoutSecret(key) : key;
    },
    'keys:edit': async ({ id, changes }) => vault.edit(id, changes),
    'keys:reveal': async ({ id }) => ({ secret: await vault.reveal(id) }),
    'keys:revoke': async ({ id, removeFromFiles }) => vault.revoke(id, { removeFromFiles }),
    'keys:delete': async ({ id, confirmName, removeFromFiles }) => {
      const key = vault.get(id);
      if (confirmName.trim() !== key.name) throw new VaultError('VALIDATION', 'Type the key\'s name exactly to confirm deleting it.');
      const { exports } = await vault.delete(id, { removeFromFiles });
      return { id, exports };
    },
    'keys:rotate': async ({ id, newSecret }) => {
      const { exports, ...rotated } = await vault.rotate(id, { newSecret });
      const key = withoutPrevious(rotated);
      return { ...(newSecret !== undefined ? withoutSecret(key) : key), exports };
    },
    'projects:list': async () => projects.views(),
    'projects:add': async () => {
      const folder = await dialogs.chooseFolder();
      return folder === null ? null : projects.add(folder);
    },
    'projects:remove': async ({ projectId }) => {
      await projects.remove(projectId);
      return { projectId };
    },
    'projects:files': async ({ projectId }) => projects.envFiles(projectId),
    'projects:scan': async ({ projectId }) => projectExports.scan(projectId),
    'projects:import': async ({ projectId, items }) => projectExports.import(projectId, items),
    'exports:variables': async ({ projectId, keyIds }) => {
      projects.get(projectId);
      return suggestVariables(vault, projectId, keyIds, settings.get().defaultEnvVar);
    },
    'exports:preview': async (request) => projectExports.preview(request),
    'exports:write': async (request) => projectExports.write(request),
    'exports:ignoreInGit': async ({ projectId, fileName }) => projectExports.ignoreInGit(projectId, fileName),
    'exports:forKey': async ({ id }) => {
      vault.get(id);
      return projectExports.exportsFor(id);
    },
    // keys:copy, clipboard:*, activity:list, settings:*, vault:reminders
    ...createActivityHandlers({ vault, clipboard, activity, settings }),
  };
}
