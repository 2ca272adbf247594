/**
 * The Use screen's work, in main: put chosen keys into a project's .env file (with a masked preview
 * first and a git check), find API keys already sitting in a project's .env files and import them.
 * The renderer names a project by id and a file by its name; paths are resolved here only.
 */
import path from 'node:path';
import { diffLines } from 'diff';
import { parse as parseDotenv } from 'dotenv';
import { readEnvVar, upsertEnv, type EnvAssignment } from '../../shared/env-file';
import { maskSecret, type DiffLine, type ExportPreview, type ExportView, type GitState, type ScanCandidate } from '../../shared/exports';
import { detectPrefix, fingerprintOf } from '../../shared/key-format';
import type { KeyView } from '../../shared/types';
import { exportsOf } from './env-exports';
import { readEnvFile } from './env-writer';
import { addToGitignore, gitState } from './git-safety';
import type { Projects } from './projects';
import { DEFAULT_ENV_VAR, REQUIREMENT_VAR, type Vault } from './vault';

export type { ExportPreview, ExportView, ScanCandidate };

export interface ProjectExportRequest {
  projectId: string;
  fileName: string;
  keys: { keyId: string; variable: string }[];
  require: boolean;
}

/** Names that usually hold an API key, and the prefixes keys are known by. */
const KEY_VARIABLE = /(API_?KEY|_KEY|TOKEN|SECRET)$/i;

/** Could this variable hold an API key? By its name or by a known key prefix on its value. */
function looksLikeKey(variable: string, value: string): boolean {
  return KEY_VARIABLE.test(variable) || detectPrefix(value) !== '';
}

/** Masks the values of the named variables on their own lines, by writing masks in their place. */
function maskVariables(text: string, names: Iterable<string>): string {
  const masks: EnvAssignment[] = [...names].flatMap((name) => {
    const value = readEnvVar(text, name);
    return value === undefined ? [] : [{ name, value: maskSecret(value) }];
  });
  return masks.length ? upsertEnv(text, masks).text : text;
}

function toDiffLines(before: string, after: string): DiffLine[] {
  return diffLines(before, after).flatMap((part) => {
    const kind: DiffLine['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = part.value.replace(/\r\n/g, '\n').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.map((text) => ({ kind, text }));
  });
}

/** A variable name for a key in a project: the one used last time, else MCP_API_KEY for the first, else from its name. */
export function suggestVariables(vault: Vault, projectId: string, keyIds: string[], defaultVar = DEFAULT_ENV_VAR): Record<string, string> {
  const exports = exportsOf(vault.store.read());
  const result: Record<string, string> = {};
  const taken = new Set<string>();
  for (const keyId of keyIds) {
    const remembered = exports.filter((e) => e.projectId === projectId && e.keyId === keyId).at(-1)?.variable;
    let variable = remembered;
    if (!variable) {
      if (!taken.has(defaultVar)) variable = defaultVar;
      else {
        const slug = vault.get(keyId).name.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'KEY';
        variable = /^[A-Z_]/.test(slug) ? `${slug}_API_KEY` : `KEY_${slug}_API_KEY`;
      }
    }
    taken.add(variable);
    result[keyId] = variable;
  }
  return result;
}

export class ProjectExports {
  constructor(
    private readonly vault: Vault,
    private readonly projects: Projects,
  ) {}

  async preview(request: ProjectExportRequest): Promise<ExportPreview> {
    const file = await this.projects.resolveFile(request.projectId, request.fileName);
    const assignments = await this.vault.exportAssignments(request);
    const before = await readEnvFile(file);
    const { text: after, changed } = upsertEnv(before ?? '', assignments);
    // Masked: the variables written now, those a key was written to before, and any other that looks like a
    // key (another key of the vault may already sit in the file). Lines such as PORT=3000 stay readable.
    const names = new Set(assignments.filter((a) => a.name !== REQUIREMENT_VAR).map((a) => a.name));
    for (const record of exportsOf(this.vault.store.read())) if (record.file === file) names.add(record.variable);
    for (const [variable, value] of Object.entries(parseDotenv(before ?? ''))) if (looksLikeKey(variable, value)) names.add(variable);
    return {
      fileName: request.fileName,
      exists: before !== null,
      changed,
      diff: toDiffLines(maskVariables(before ?? '', names), maskVariables(after, names)),
      git: await gitState(this.projects.get(request.projectId).path, request.fileName),
    };
  }

  async write(request: ProjectExportRequest): Promise<{ fileName: string; changed: string[]; git: GitState }> {
    const file = await this.projects.resolveFile(request.projectId, request.fileName);
    const { changed } = await this.vault.exportKeys({ file, projectId: request.projectId, keys: request.keys, require: request.require });
    return { fileName: request.fileName, changed, git: await gitState(this.projects.get(request.projectId).path, request.fileName) };
  }

  async ignoreInGit(projectId: string, fileName: string): Promise<GitState> {
    await this.projects.resolveFile(projectId, fileName);
    const root = this.projects.get(projectId).path;
    await addToGitignore(root, fileName);
    return gitState(root, fileName);
  }

  exportsFor(keyId: string): ExportView[] {
    const projects = new Map(this.projects.list().map((p) => [p.id, p]));
    return this.vault.exportsFor(keyId).map((record) => {
      const project = record.projectId ? projects.get(record.projectId) : undefined;
      return {
        ...record,
        projectName: project?.name ?? null,
        fileLabel: project ? path.relative(project.path, record.file) : record.file,
      };
    });
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
        if (variable === REQUIREMENT_VAR || value.length < 12 || /\s/.test(value)) continue;
        if (!looksLikeKey(variable, value)) continue;
        candidates.push({
          fileName,
          variable,
          masked: maskSecret(value),
          suggestedName: `${project.name} ${variable}`,
          existingKeyId: await this.findKeyWithValue(keys, value),
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
      const existing = await this.findKeyWithValue(this.vault.list(), value);
      const key = existing ? this.vault.get(existing) : await this.vault.create({ name: item.name, importSecret: value });
      await this.vault.recordExport({ keyId: key.id, file, variable: item.variable, projectId, at: new Date().toISOString() });
      imported.push(this.vault.get(key.id));
    }
    return imported;
  }

  /** Compares by prefix and fingerprint first, so only likely matches are read from the keychain. */
  private async findKeyWithValue(keys: KeyView[], value: string): Promise<string | null> {
    const fingerprint = fingerprintOf(value);
    for (const key of keys) {
      if (key.status === 'revoked' || key.fingerprint !== fingerprint) continue;
      if ((await this.vault.secrets.get(key.id)) === value) return key.id;
    }
    return null;
  }
}
