/**
 * The environment `mcpkv run` gives its command: the keys asked for with --key, and the entries of --env-file
 * files, whose `mcpkv://` references are resolved from the vault. Everything is checked before the command
 * starts: an unknown, revoked or expired key, or a value the keychain cannot give, refuses the whole run.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { VaultError } from '../../shared/errors';
import { referencedKey } from '../../shared/env-reference';
import { inactiveKeyMessage } from '../../shared/key-status';
import { envVarNameSchema, parseOrThrow } from '../../shared/schemas';
import type { KeyView } from '../../shared/types';
import { exportsOfKey } from './exports/export-records';
import type { Vault } from './vault';

/** `--key KEY[=VAR]`: a key, and the variable to put it in (else the one it was last written under). */
export interface KeyRequest {
  ref: string;
  variable?: string;
}

export interface RunEnvironment {
  /** Variables to set in the command's environment, over the inherited ones. */
  variables: Record<string, string>;
  /** The keys used, each once. */
  keys: KeyView[];
  /** Their values, for masking the command's output. */
  secrets: string[];
}

/** `prod=OPENAI_API_KEY` → { ref: 'prod', variable: 'OPENAI_API_KEY' }; the variable follows the last `=`. */
export function parseKeyRequest(text: string): KeyRequest {
  const at = text.lastIndexOf('=');
  if (at === -1) return { ref: text };
  return { ref: text.slice(0, at), variable: parseOrThrow(envVarNameSchema, text.slice(at + 1)) };
}

/** The variable key `id` was last written under (its newest export), or undefined if it never was. */
function lastVariable(vault: Vault, id: string): string | undefined {
  const records = exportsOfKey(vault.store.read(), id);
  return records.reduce<(typeof records)[number] | undefined>((newest, r) => (!newest || r.at >= newest.at ? r : newest), undefined)?.variable;
}

function readEnvFile(file: string): Record<string, string> {
  try {
    return dotenv.parse(fs.readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VaultError('FILE_ERROR', `Cannot read the env file ${path.resolve(file)}${code ? ` (${code})` : ''}; nothing was run.`);
  }
}

export async function resolveRunEnvironment(
  vault: Vault,
  defaultVariable: string,
  requests: { keys: readonly KeyRequest[]; envFiles: readonly string[] },
): Promise<RunEnvironment> {
  const variables: Record<string, string> = {};
  /** variable → key ref, in the order given: env files first, then --key (which wins over a file). */
  const wanted = new Map<string, KeyView>();
  for (const file of requests.envFiles) {
    for (const [name, value] of Object.entries(readEnvFile(file))) {
      const ref = referencedKey(value);
      if (ref === undefined) {
        variables[name] = value;
        wanted.delete(name);
      } else wanted.set(name, vault.resolve(ref));
    }
  }
  for (const request of requests.keys) {
    const key = vault.resolve(request.ref);
    wanted.set(request.variable ?? lastVariable(vault, key.id) ?? defaultVariable, key);
  }
  const keys = new Map<string, KeyView>();
  const secrets = new Map<string, string>();
  for (const key of wanted.values()) {
    if (key.status !== 'active') throw new VaultError('KEY_INACTIVE', inactiveKeyMessage(key, 'used'));
    keys.set(key.id, key);
  }
  for (const key of keys.values()) secrets.set(key.id, await vault.secretOf(key.id));
  for (const [name, key] of wanted) variables[name] = secrets.get(key.id)!;
  return { variables, keys: [...keys.values()], secrets: [...secrets.values()] };
}
