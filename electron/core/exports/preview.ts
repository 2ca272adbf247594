/**
 * Pure helpers of the Use screen's preview and scan: which variables could hold an API key, a file's text
 * with those values masked, and the line diff between two texts.
 */
import { diffLines } from 'diff';
import { readEnvVar, upsertEnv, type EnvAssignment } from '../../../shared/env-file';
import { maskSecret, type DiffLine } from '../../../shared/exports';
import { detectPrefix } from '../../../shared/key-format';

/** Names that usually hold an API key, and the prefixes keys are known by. */
const KEY_VARIABLE = /(API_?KEY|_KEY|TOKEN|SECRET)$/i;

/** Could this variable hold an API key? By its name or by a known key prefix on its value. */
export function looksLikeKey(variable: string, value: string): boolean {
  return KEY_VARIABLE.test(variable) || detectPrefix(value) !== '';
}

/** Masks the values of the named variables on their own lines, by writing masks in their place. */
export function maskVariables(text: string, names: Iterable<string>): string {
  const masks: EnvAssignment[] = [...names].flatMap((name) => {
    const value = readEnvVar(text, name);
    return value === undefined ? [] : [{ name, value: maskSecret(value) }];
  });
  return masks.length ? upsertEnv(text, masks).text : text;
}

export function toDiffLines(before: string, after: string): DiffLine[] {
  return diffLines(before, after).flatMap((part) => {
    const kind: DiffLine['kind'] = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = part.value.replace(/\r\n/g, '\n').split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines.map((text) => ({ kind, text }));
  });
}
