/** `exports:*`: writing keys into a project's .env file (the Use screen), and where a key was written. */
import type { ExportsService } from '../../core/exports/exports-service';
import type { SettingsStore } from '../../core/settings';
import type { Vault } from '../../core/vault';
import type { HandlersOf } from './types';

export interface ExportsHandlerDeps {
  vault: Vault;
  exports: ExportsService;
  settings: SettingsStore;
}

export function exportsHandlers({ vault, exports, settings }: ExportsHandlerDeps): HandlersOf<'exports'> {
  return {
    'exports:variables': async ({ projectId, keyIds }) => exports.suggestVariables(projectId, keyIds, settings.get().defaultEnvVar),
    'exports:preview': async (request) => exports.preview(request),
    'exports:write': async (request) => exports.write(request),
    'exports:ignoreInGit': async ({ projectId, fileName }) => exports.ignoreInGit(projectId, fileName),
    'exports:forKey': async ({ id }) => {
      vault.get(id);
      return exports.viewsFor(id);
    },
  };
}
