/**
 * References to keys in `.env` files: `MCP_API_KEY=mcpkv://<id or name>` names a key instead of holding its
 * value. `mcpkv run --env-file` puts the key's value in the command's environment; the file holds no secret.
 */
export const REFERENCE_SCHEME = 'mcpkv://';

/** The reference to key `id`, as written into a .env file. */
export function referenceTo(id: string): string {
  return `${REFERENCE_SCHEME}${id}`;
}

/** The key (id, id prefix or name) a .env value refers to, or undefined for an ordinary value. */
export function referencedKey(value: string): string | undefined {
  return value.startsWith(REFERENCE_SCHEME) && value.length > REFERENCE_SCHEME.length ? value.slice(REFERENCE_SCHEME.length) : undefined;
}
