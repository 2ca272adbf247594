/** The variable names the Use screen suggests for keys in a project (pure). */
import { DEFAULT_ENV_VAR, type ExportRecord } from '../../../shared/exports';
import type { KeyRecord } from '../../../shared/types';

/** The variable each provider's own tools read, by the key prefix that gives the provider away. */
const PROVIDER_VARIABLES: Record<string, string> = {
  'sk-proj-': 'OPENAI_API_KEY',
  'sk-': 'OPENAI_API_KEY',
  'sk-ant-': 'ANTHROPIC_API_KEY',
  'ghp_': 'GITHUB_TOKEN',
  'xoxb-': 'SLACK_BOT_TOKEN',
};

/** Prefixes of MCP server keys (the vault's own kind): they get the default variable, the one MCP servers read. */
const MCP_PREFIXES = new Set(['mcp_sk_', 'mcp_', 'pmcp_']);

function slugVariable(text: string): string {
  const slug = text.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'KEY';
  return /^[A-Z_]/.test(slug) ? `${slug}_API_KEY` : `KEY_${slug}_API_KEY`;
}

/**
 * What a key's variable would be on its own, the same rule for every key whatever its place in the list: from its
 * prefix (an OpenAI key → OPENAI_API_KEY; an MCP key → `defaultVar`), else from a `provider` metadata value,
 * else from its name.
 */
function variableFor(key: Pick<KeyRecord, 'name' | 'prefix' | 'metadata'>, defaultVar: string): string {
  if (MCP_PREFIXES.has(key.prefix)) return defaultVar;
  if (Object.hasOwn(PROVIDER_VARIABLES, key.prefix)) return PROVIDER_VARIABLES[key.prefix]!;
  const provider = key.metadata.provider?.trim();
  return slugVariable(provider || key.name);
}

/**
 * A variable name for each key: the one it had in this project last time (none when `projectId` is null), else
 * the one its prefix or provider suggests, else one made from its name; a name another key of the list already has
 * is made from the key's name instead (then numbered), so two keys never share one.
 */
export function suggestVariables(
  exports: ExportRecord[],
  projectId: string | null,
  keyIds: string[],
  keyOf: (keyId: string) => Pick<KeyRecord, 'name' | 'prefix' | 'metadata'>,
  defaultVar = DEFAULT_ENV_VAR,
): Record<string, string> {
  const result: Record<string, string> = {};
  const taken = new Set<string>();
  for (const keyId of keyIds) {
    const remembered = projectId === null ? undefined : exports.filter((e) => e.projectId === projectId && e.keyId === keyId).at(-1)?.variable;
    const key = keyOf(keyId);
    let variable = remembered ?? variableFor(key, defaultVar);
    if (taken.has(variable)) variable = slugVariable(key.name);
    for (let n = 2; taken.has(variable); n++) variable = `${slugVariable(key.name).replace(/_API_KEY$/, '')}_${n}_API_KEY`;
    taken.add(variable);
    result[keyId] = variable;
  }
  return result;
}
