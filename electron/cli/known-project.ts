/** A folder `mcpkv use` writes into becomes one of the vault's projects (the app's Projects), so the app and the CLI see one set. */
import path from 'node:path';
import type { Output } from './respond';
import type { VaultContext } from './vault-context';

export interface KnownProject {
  /** The project that holds the file, for its export record; null with --no-project outside every project. */
  id: string | null;
  /** Tells the user about a folder added now: called once the write is done, so a refused write says only why. */
  announce(output: Output): void;
}

/** The project that holds `file`; its folder is added as one unless `add` is false (--no-project). */
export async function knownProject(context: Pick<VaultContext, 'projects'>, file: string, add: boolean): Promise<KnownProject> {
  const known = context.projects.projectFor(file);
  if (known || !add) return { id: known?.id ?? null, announce: () => undefined };
  const project = await context.projects.add(path.dirname(file));
  return {
    id: project.id,
    announce: (output) => output.note(`Added ${project.path} to the vault's projects (the app lists it under Projects); --no-project leaves a folder out.`),
  };
}
