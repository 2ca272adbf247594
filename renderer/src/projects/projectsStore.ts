/** The project folders the user added (names and paths only), shared by the Projects screen and Use. */
import { create } from 'zustand';
import type { ProjectRecord, ProjectView } from '../../../shared/exports';
import { errorMessage, vaultApi } from '../vaultApi';

interface ProjectsState {
  projects: ProjectView[];
  loaded: boolean;
  loadError: string | null;
  load(): Promise<void>;
  /** Opens the OS folder dialog (in main). Null when the user cancels; throws what main refused. */
  add(): Promise<ProjectRecord | null>;
  remove(projectId: string): Promise<void>;
}

export const useProjectsStore = create<ProjectsState>()((set, get) => ({
  projects: [],
  loaded: false,
  loadError: null,

  async load() {
    try {
      set({ projects: await vaultApi().projects.list({}), loaded: true, loadError: null });
    } catch (error) {
      set({ loaded: true, loadError: errorMessage(error) });
    }
  },

  async add() {
    const added = await vaultApi().projects.add({});
    if (added) await get().load();
    return added;
  },

  async remove(projectId) {
    await vaultApi().projects.remove({ projectId });
    set({ projects: get().projects.filter((p) => p.id !== projectId) });
  },
}));
