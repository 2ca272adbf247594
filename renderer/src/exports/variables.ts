/**
 * Checks the variable names and file name of a Use request with main's own schemas (shared/schemas.ts), so
 * problems show beside their field before anything is written. An empty field only asks to be filled in.
 */
import { envFileNameSchema, exportKeysSchema } from '../../../shared/schemas';

/** An error per key id (absent = fine). */
export function variableErrors(keys: { keyId: string; variable: string }[], require: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { keyId, variable } of keys) if (variable === '') errors[keyId] = 'Enter a variable name.';
  const parsed = exportKeysSchema.safeParse({ keys, require });
  for (const issue of parsed.error?.issues ?? []) {
    const [top, index, field] = issue.path;
    const keyId = top === 'keys' && typeof index === 'number' && field === 'variable' ? keys[index]?.keyId : undefined;
    if (keyId !== undefined) errors[keyId] ??= issue.message;
  }
  return errors;
}

export function fileNameError(name: string): string | null {
  if (name === '') return 'Enter a file name.';
  const parsed = envFileNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Invalid file name.');
}
