/** Checks the variable names and file name of a Use request the way main will, so problems show before writing. */
import { ENV_FILE_NAME } from '../../../shared/exports';
import { envVarNameSchema } from '../../../shared/schemas';

export const REQUIREMENT_VAR = 'API_KEY_REQUIRED';

/** An error per key id (absent = fine). */
export function variableErrors(variables: { keyId: string; variable: string }[], require: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const counts = new Map<string, number>();
  for (const { variable } of variables) counts.set(variable, (counts.get(variable) ?? 0) + 1);
  for (const { keyId, variable } of variables) {
    if (variable === '') errors[keyId] = 'Enter a variable name.';
    else if (!envVarNameSchema.safeParse(variable).success) errors[keyId] = 'Use letters, digits and _, not starting with a digit (e.g. MCP_API_KEY).';
    else if ((counts.get(variable) ?? 0) > 1) errors[keyId] = 'Each key needs its own variable name.';
    else if (require && variable === REQUIREMENT_VAR) errors[keyId] = `${REQUIREMENT_VAR} is set by the vault: choose another name, or untick “Set ${REQUIREMENT_VAR}=true”.`;
  }
  return errors;
}

export function fileNameError(name: string): string | null {
  if (name === '') return 'Enter a file name.';
  return ENV_FILE_NAME.test(name) ? null : 'The file name must be .env or .env.<name>, e.g. .env.local (no folders).';
}
