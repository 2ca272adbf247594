/** How MCP clients' scopes, forms and slots read in the UI. */
import type { McpConnectionForm, McpScope, McpServerForm, McpServerView, McpSlotKind } from '../../../shared/mcp';

export const SCOPE_LABELS: Record<McpScope, string> = {
  user: 'User',
  project: 'Project',
  local: 'Local',
};

export const SCOPE_HINTS: Record<McpScope, string> = {
  user: 'The client’s own file in your home folder: every project sees these servers.',
  project: 'A file in a project folder: often committed with the project.',
  local: 'Claude Code’s private section for one project, in ~/.claude.json.',
};

/** How a key reaches the slot, in a few words. */
export const FORM_LABELS: Record<McpConnectionForm, string> = {
  launcher: 'launcher',
  proxy: 'proxy',
  header: 'header in the file',
};

export const SERVER_FORM_LABELS: Record<McpServerForm, string | null> = {
  plain: null,
  launcher: 'Started through mcpkv run',
  proxy: 'Reached through the mcpkv proxy',
};

/** "API_KEY" (env) or "Authorization header". */
export function slotLabel(slot: { kind: McpSlotKind; name: string }): string {
  return slot.kind === 'header' ? `${slot.name} header` : slot.name;
}

/** The kind of slot a server takes a key in: an environment variable of a stdio server, a header of a remote one. */
export function slotKindOf(server: McpServerView): McpSlotKind {
  return server.transport === 'stdio' ? 'env' : 'header';
}

export function isRemote(server: McpServerView): boolean {
  return server.transport !== 'stdio';
}
