/** The variable names the Use screen suggests for keys in a project (pure). */
import { DEFAULT_ENV_VAR, type ExportRecord } from '../../../shared/exports';

/**
 * A variable name for each key in a project: the one used there last time, else `defaultVar` for the first,
 * else one made from the key's name (`nameOf`).
 */
export function suggestVariables(
  exports: ExportRecord[],
  projectId: string,
  keyIds: string[],
  nameOf: (keyId: string) => string,
  defaultVar = DEFAULT_ENV_VAR,
): Record<string, string> {
  const result: Record<string, string> = {};
  const taken = new Set<string>();
  for (const keyId of keyIds) {
    const remembered = exports.filter((e) => e.projectId === projectId && e.keyId === keyId).at(-1)?.variable;
    let variable = remembered;
    if (!variable) {
      if (!taken.has(defaultVar)) variable = defaultVar;
      else {
        const slug = nameOf(keyId).toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'KEY';
        variable = /^[A-Z_]/.test(slug) ? `${slug}_API_KEY` : `KEY_${slug}_API_KEY`;
      }
    }
    taken.add(variable);
    result[keyId] = variable;
  }
  return result;
}
