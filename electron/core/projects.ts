/**
 * Project folders the user added. Main alone turns a (project id, file name) pair into a path, and
 * refuses anything that would leave the folder: names with a path in them, symlinks pointing out.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ENV_FILE_NAME, type EnvFileView, type ProjectRecord, type ProjectView } from '../../shared/exports';
import { VaultError } from '../../shared/errors';
import { isInside, LinkRefusedError, locate } from './contained-file';
import { gitState } from './git-safety';
import type { MetadataStore, VaultData } from './store';

export function projectsOf(data: VaultData): Record<string, ProjectRecord> {
  return (data.projects as Record<string, ProjectRecord> | undefined) ?? {};
}

export class Projects {
  constructor(
    private readonly store: MetadataStore,
    private readonly now: () => number = Date.now,
  ) {}

  list(): ProjectRecord[] {
    return Object.values(projectsOf(this.store.read())).sort((a, b) => a.name.localeCompare(b.name));
  }

  async views(): Promise<ProjectView[]> {
    return Promise.all(
      this.list().map(async (project) => ({
        ...project,
        available: await fs.stat(project.path).then((s) => s.isDirectory(), () => false),
      })),
    );
  }

  get(id: string): ProjectRecord {
    const project = projectsOf(this.store.read())[id];
    if (!project || !Object.hasOwn(projectsOf(this.store.read()), id)) throw new VaultError('NOT_FOUND', 'No such project.', { field: 'projectId' });
    return project;
  }

  /** Adds a folder (or returns it if already added). */
  async add(folder: string): Promise<ProjectRecord> {
    let real: string;
    try {
      real = await fs.realpath(folder);
      if (!(await fs.stat(real)).isDirectory()) throw new Error('not a directory');
    } catch (error) {
      throw new VaultError('FILE_ERROR', `${folder} is not a folder that can be opened.`, { cause: error });
    }
    return this.store.update((data) => {
      const projects = projectsOf(data);
      const existing = Object.values(projects).find((p) => p.path === real);
      if (existing) return { data, result: existing };
      let id = randomBytes(8).toString('hex');
      while (Object.hasOwn(projects, id)) id = randomBytes(8).toString('hex');
      const project: ProjectRecord = { id, name: path.basename(real) || real, path: real, addedAt: new Date(this.now()).toISOString() };
      return { data: { ...data, projects: { ...projects, [id]: project } }, result: project };
    });
  }

  async remove(id: string): Promise<void> {
    await this.store.update((data) => {
      const projects = { ...projectsOf(data) };
      if (!Object.hasOwn(projects, id)) throw new VaultError('NOT_FOUND', 'No such project.', { field: 'projectId' });
      delete projects[id];
      return { data: { ...data, projects }, result: undefined };
    });
  }

  /**
   * The absolute path of `fileName` in the project, checked: a plain `.env*` name, and if the file is a symlink
   * (or a chain of them) it stays inside the project.
   */
  async resolveFile(projectId: string, fileName: string): Promise<string> {
    if (!ENV_FILE_NAME.test(fileName)) {
      throw new VaultError('VALIDATION', 'File name must be .env or .env.<name> (no folders).', { field: 'fileName' });
    }
    const project = this.get(projectId);
    let root: string;
    try {
      root = await fs.realpath(project.path);
    } catch (error) {
      throw new VaultError('FILE_ERROR', `The project folder ${project.path} is gone.`, { cause: error, field: 'projectId' });
    }
    const file = path.join(root, fileName);
    // The writer checks again at the moment it writes (contained-file.ts); this answers early, in the project's words.
    await locate(file).catch((error: unknown) => {
      if (error instanceof LinkRefusedError) {
        throw new VaultError('FORBIDDEN', `${fileName} is a link to a place outside the project; it is not written.`, { field: 'fileName' });
      }
    });
    return file;
  }

  /** The project's `.env*` files (top level), with their git state. */
  async envFiles(projectId: string): Promise<EnvFileView[]> {
    const project = this.get(projectId);
    let entries: string[];
    try {
      entries = await fs.readdir(project.path);
    } catch (error) {
      throw new VaultError('FILE_ERROR', `Cannot read the project folder ${project.path}.`, { cause: error, field: 'projectId' });
    }
    const names = entries.filter((name) => ENV_FILE_NAME.test(name)).sort();
    const files = await Promise.all(
      names.map(async (name) => {
        const file = await this.resolveFile(projectId, name).catch(() => null);
        const stat = file ? await fs.stat(file).catch(() => null) : null;
        if (!stat?.isFile()) return null;
        return { name, size: stat.size, git: await gitState(project.path, name) };
      }),
    );
    return files.filter((f): f is EnvFileView => f !== null);
  }

  /** The project whose folder holds `file`, if any (for exports written by the CLI). */
  projectFor(file: string): ProjectRecord | null {
    return this.list().find((p) => isInside(p.path, file)) ?? null;
  }
}
