/**
 * How messages (the service's refusals, doctor's findings, the activity log) name a client's server and a slot:
 * `Cursor server "github"`, `variable "API_KEY"`, `header "Authorization"`. A name that looks like a key (a value
 * pasted where a name belongs) is not repeated.
 */
import { looksLikeSecret } from '../../../shared/key-format';
import { MCP_CLIENT_NAMES, type McpClientId, type McpSlotKind } from '../../../shared/mcp';

/** `"name"`, or `that name` when it could be a key. */
export function describeName(name: string): string {
  return looksLikeSecret(name) ? 'that name' : `"${name}"`;
}

/** `Cursor server "github"`. */
export function serverLabel(client: McpClientId, server: string): string {
  return `${MCP_CLIENT_NAMES[client]} server ${describeName(server)}`;
}

/** `variable "API_KEY"`, `header "Authorization"`. */
export function slotLabel(slot: { kind: McpSlotKind; name: string }): string {
  return `${slot.kind === 'env' ? 'variable' : 'header'} ${describeName(slot.name)}`;
}
