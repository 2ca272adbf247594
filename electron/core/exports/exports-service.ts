/**
 * Exports: writing keys into .env files ("Use" in the app, `exports:*` over IPC, `mcpkv use` on the command
 * line). One service for every way in: by path (the CLI), or by project and file name (the Use screen, with a
 * masked preview first and a git check), and finding keys already sitting in a project's files to import them.
 * Each write is recorded, so rotation and revocation can follow the key (sync-files.ts).
 *
 * The renderer names a project by id and a file by its name; paths are resolved here only.
 */
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { referenceTo } from '../../../shared/env-reference';
import { VaultError } from '../../../shared/errors';
import { upsertEnv, type EnvAssignment } from '../../../shared/env-file';
import { DEFAULT_ENV_VAR, maskSecret, REQUIREMENT_VAR, type ExportPreview, type ExportRecord, type ExportView, type GitState, type ReplacedKey, type ProjectWriteResult, type ScanCandidate } from '../../../shared/exports';
import { maskKey, MIN_SECRET_LENGTH } from '../../../shared/key-format';
import { inactiveKeyMessage } from '../../../shared/key-status';
import { exportKeysSchema, parseOrThrow } from '../../../shared/schemas';
import type { EnvWriteResult, KeyView } from '../../../shared/types';
import { applyEnvFile, readEnvFile } from '../env-writer';
import { addToGitignore, gitState } from '../git-safety';
import { Projects } from '../projects';
import type { Vault } from '../vault';
import { exportsOf, exportsOfKey, withExports } from './export-records';
import { looksLikeKey, redactEnv, toDiffLines } from './preview';
import { suggestVariables } from './suggest-variables';

/** Keys into one file, named by its absolute path (already resolved and checked by the caller). */
export interface FileExportRequest {
  file: string;
  projectId: string | null;
  keys: { keyId: string; variable: string }[];
  require: boolean;
  /** Write each key as a reference (`mcpkv://<id>`, resolved by `mcpkv run --env-file`), not its value. */
  reference?: boolean;
  /** Write through a symlink wherever it leads (the CLI's --follow-symlinks); by default only within its folder. */
  followLinks?: boolean;
}

/** Keys into one file of a project, named as the renderer names it: a project id and a file name. */
export interface ProjectExportRequest {
  projectId: string;
  fileName: string;
  keys: { keyId: string; variable: string }[];
  require: boolean;
  reference?: boolean;
}

/** One key into a file by path (`mcpkv use`). */
export interface UseOptions {
  envPath: string;
  varName?: string;
  /** Also set API_KEY_REQUIRED=true (default). */
  require?: boolean;
  /** Write `mcpkv://<id>` instead of the key (`mcpkv use --reference`). */
  reference?: boolean;
  /** The project the file belongs to, if written through one. */
  projectId?: string | null;
  /** Write through a symlink wherever it leads (the CLI's --follow-symlinks). */
  followLinks?: boolean;
}

export class ExportsService {
  constructor(
    private readonly vault: Vault,
    /** The project folders of the same vault (main shares its own; the CLI takes a fresh one). */
    private readonly projects: Projects = new Projects(vault.store),
  ) {}

  /** Writes the key into a .env file (upsert, atomic, owner-only), records the export and counts the use. */
  async use(id: string, options: UseOptions): Promise<EnvWriteResult> {
    const { file, changed, tightened } = await this.writeFile({
      file: options.envPath,
      projectId: options.projectId ?? null,
      keys: [{ keyId: id, variable: options.varName ?? DEFAULT_ENV_VAR }],
      require: options.require !== false,
      reference: options.reference,
      followLinks: options.followLinks,
    });
    return { file, changed, ...(tightened && { tightened }) };
  }

  async enableRequirement(envPath: string, options: { followLinks?: boolean } = {}): Promise<EnvWriteResult> {
    const written = await applyEnvFile(envPath, (text) => upsertEnv(text, [{ name: REQUIREMENT_VAR, value: 'true' }]), options);
    return { file: written.file, changed: written.changed };
  }

  /** Where the key was written, oldest first. */
  recordsFor(keyId: string): ExportRecord[] {
    return exportsOfKey(this.vault.store.read(), keyId);
  }

  /** The same, with each file's project and its name inside it (the key's "Used in"). */
  viewsFor(keyId: string): ExportView[] {
    const projects = new Map(this.projects.list().map((p) => [p.id, p]));
    return this.recordsFor(keyId).map((record) => {
      const project = record.projectId ? projects.get(record.projectId) : undefined;
      return {
        ...record,
        projectName: project?.name ?? null,
        fileLabel: project ? path.relative(project.path, record.file) : record.file,
      };
    });
  }

  /** The assignments a write of `request` makes: each key's secret (or reference) under its variable (+ API_KEY_REQUIRED). */
  async assignments(request: Pick<FileExportRequest, 'keys' | 'require' | 'reference'>): Promise<EnvAssignment[]> {
    // The one rule for the variables (shared/schemas.ts), as main's IPC check and the Use dialog apply it.
    const { keys } = parseOrThrow(exportKeysSchema, { keys: request.keys, require: request.require });
    const assignments: EnvAssignment[] = [];
    for (const { keyId, variable } of keys) {
      const record = this.vault.get(keyId);
      if (record.status !== 'active') {
        throw new VaultError('KEY_INACTIVE', inactiveKeyMessage(record, 'used'));
      }
      assignments.push({ name: variable, value: request.reference ? referenceTo(keyId) : await this.vault.secretOf(keyId) });
    }
    if (request.require) assignments.push({ name: REQUIREMENT_VAR, value: 'true' });
    return assignments;
  }

  /**
   * Writes keys into one .env file in one atomic write, records each export and counts each use. The file ends up
   * readable by its owner only; `tightened` says when that took access away. References are no secret: a file
   * written with them keeps its mode (a new one is still created owner-only).
   */
  async writeFile(request: FileExportRequest): Promise<EnvWriteResult & { exports: ExportRecord[] }> {
    const assignments = await this.assignments(request);
    const written = await applyEnvFile(request.file, (text) => upsertEnv(text, assignments), { secret: !request.reference, followLinks: request.followLinks });
    const at = new Date(this.vault.now()).toISOString();
    const form = request.reference ? ({ form: 'reference' } as const) : {};
    const records: ExportRecord[] = request.keys.map(({ keyId, variable }) => ({ keyId, variable, file: written.file, projectId: request.projectId, at, ...form }));
    // The records and the use counts go in one store write.
    await this.vault.recordUses(
      'exported',
      records.map((r) => ({ id: r.keyId, detail: `${written.file} (${r.variable}${r.form ? ', a reference' : ''})` })),
      { at, alongWith: (data) => withExports(data, records) },
    );
    return { file: written.file, changed: written.changed, ...(written.tightened && { tightened: written.tightened }), exports: records };
  }

  /** Remembered (or suggested) variable names for keys in a project; suggested only, when no project is given. */
  suggestVariables(projectId: string | null, keyIds: string[], defaultVar: string): Record<string, string> {
    if (projectId !== null) this.projects.get(projectId);
    return suggestVariables(exportsOf(this.vault.store.read()), projectId, keyIds, (keyId) => this.vault.get(keyId), defaultVar);
  }

  async preview(request: ProjectExportRequest): Promise<ExportPreview> {
    const file = await this.projects.resolveFile(request.projectId, request.fileName);
    const preview = await this.previewFile(file, request);
    return { fileName: request.fileName, ...preview, git: await gitState(this.projects.get(request.projectId).path, request.fileName) };
  }

  /**
   * What writing keys into `file` would do, written nowhere: the masked diff, and the other vault keys it would
   * replace (the Use dialog's preview; `mcpkv use --dry-run`).
   */
  async previewFile(
    file: string,
    request: Pick<FileExportRequest, 'keys' | 'require' | 'reference' | 'followLinks'>,
  ): Promise<Omit<ExportPreview, 'fileName' | 'git'>> {
    const assignments = await this.assignments(request);
    const before = await readEnvFile(file);
    const { text: after, changed } = upsertEnv(before ?? '', assignments);
    // No value of the file reaches the renderer (it may hold DB_PASSWORD, a DATABASE_URL with a password…): every
    // value is hidden, except the ones this write puts in, shown as the vault shows them (`mcp_sk_…ab12`, `true`).
    const written = new Map(assignments.map((a) => [a.name, a.value]));
    const shownAs = new Map<string, string>(request.keys.map(({ keyId, variable }) => [variable, request.reference ? referenceTo(keyId) : maskKey(this.vault.get(keyId))]));
    if (request.require) shownAs.set(REQUIREMENT_VAR, 'true');
    const shown = (name: string, value: string) => (written.get(name) === value ? shownAs.get(name) : undefined);
    return {
      exists: before !== null,
      changed,
      diff: toDiffLines(redactEnv(before ?? '', shown), redactEnv(after, shown)),
      replaces: await this.replacedKeys(file, request.keys, before),
    };
  }

  /**
   * The other vault keys a write of `keys` into `file` would overwrite: a variable that holds another key's value
   * now (found by value, so a key put there by hand counts too). Their export record of the variable ends with the
   * write (withExports); the Use dialog and `mcpkv use` name them first.
   */
  async replacedKeys(file: string, keys: readonly { keyId: string; variable: string }[], text?: string | null): Promise<ReplacedKey[]> {
    const current = text === undefined ? await readEnvFile(file).catch(() => null) : text;
    if (current === null) return [];
    const values = parseDotenv(current);
    const all = this.vault.list();
    const replaced: ReplacedKey[] = [];
    for (const { keyId, variable } of keys) {
      const value = values[variable];
      const holder = value ? await this.vault.findKeyWithValue(value, all) : null;
      if (holder !== null && holder !== keyId) replaced.push({ variable, keyId: holder, keyName: this.vault.get(holder).name });
    }
    return replaced;
  }

  async write(request: ProjectExportRequest): Promise<ProjectWriteResult> {
    const file = await this.projects.resolveFile(request.projectId, request.fileName);
    const { changed, tightened } = await this.writeFile({ file, projectId: request.projectId, keys: request.keys, require: request.require, reference: request.reference });
    const git = await gitState(this.projects.get(request.projectId).path, request.fileName);
    return { fileName: request.fileName, changed, git, ...(tightened && { tightened }) };
  }

  async ignoreInGit(projectId: string, fileName: string): Promise<GitState> {
    await this.projects.resolveFile(projectId, fileName);
    const root = this.projects.get(projectId).path;
    await addToGitignore(root, fileName);
    return gitState(root, fileName);
  }

  /** API keys in the project's .env files, found by variable name or known prefix. Values stay in main. */
  async scan(projectId: string): Promise<ScanCandidate[]> {
    const project = this.projects.get(projectId);
    const keys = this.vault.list();
    const candidates: ScanCandidate[] = [];
    for (const { name: fileName } of await this.projects.envFiles(projectId)) {
      const text = await readEnvFile(await this.projects.resolveFile(projectId, fileName));
      if (text === null) continue;
      for (const [variable, value] of Object.entries(parseDotenv(text))) {
        // A value shorter than an import may be is no key we could take in (and its mask would show much of it).
        if (variable === REQUIREMENT_VAR || value.length < MIN_SECRET_LENGTH || /\s/.test(value)) continue;
        if (!looksLikeKey(variable, value)) continue;
        candidates.push({
          fileName,
          variable,
          masked: maskSecret(value),
          suggestedName: `${project.name} ${variable}`,
          existingKeyId: await this.vault.findKeyWithValue(value, keys),
        });
      }
    }
    return candidates;
  }

  /**
   * Imports the chosen found keys (their values read again here, never sent by the renderer) and records
   * each file as an export, so a later rotation updates it. A value already in the vault is linked instead.
   */
  async import(projectId: string, items: { fileName: string; variable: string; name: string }[]): Promise<KeyView[]> {
    const imported: KeyView[] = [];
    for (const item of items) {
      const file = await this.projects.resolveFile(projectId, item.fileName);
      const text = await readEnvFile(file);
      const value = text === null ? undefined : parseDotenv(text)[item.variable];
      if (!value) continue;
      const existing = await this.vault.findKeyWithValue(value);
      const key = existing ? this.vault.get(existing) : await this.vault.create({ name: item.name, importSecret: value });
      const record: ExportRecord = { keyId: key.id, file, variable: item.variable, projectId, at: new Date().toISOString() };
      await this.vault.store.update((data) => ({ data: withExports(data, [record]), result: undefined }));
      imported.push(this.vault.get(key.id));
    }
    return imported;
  }
}
