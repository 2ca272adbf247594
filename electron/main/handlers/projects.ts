/** `projects:*`: the project folders the user added, their .env files, and keys found in them to import. */
import type { ExportsService } from '../../core/exports/exports-service';
import type { Projects } from '../../core/projects';
import type { HandlersOf } from './types';

/** The OS dialogs main may open (Electron's dialog in the app; a scripted one in the E2E bridge and tests). */
export interface DialogAdapter {
  chooseFolder(): Promise<string | null>;
}

export interface ProjectsHandlerDeps {
  projects: Projects;
  exports: ExportsService;
  dialogs: DialogAdapter;
}

export function projectsHandlers({ projects, exports, dialogs }: ProjectsHandlerDeps): HandlersOf<'projects'> {
  return {
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
    'projects:scan': async ({ projectId }) => exports.scan(projectId),
    'projects:import': async ({ projectId, items }) => exports.import(projectId, items),
  };
}
