/** What `mcpkv mcp import|connect|disconnect` share: the --form option and printing a masked preview. */
import { VaultError } from '../../shared/errors';
import type { McpChangePreview, McpConnectionForm } from '../../shared/mcp';
import type { Output } from './respond';

const FORMS: readonly McpConnectionForm[] = ['launcher', 'proxy', 'header'];

export function parseForm(value: string): McpConnectionForm {
  if ((FORMS as readonly string[]).includes(value)) return value as McpConnectionForm;
  throw new VaultError('VALIDATION', `Unknown form "${value.slice(0, 40)}"; forms: ${FORMS.join(', ')}.`);
}

/** The server's part of the file before → after, as `-`/`+` lines, every value masked (the service masks them). */
export function printPreview(output: Output, label: string, preview: McpChangePreview): void {
  output.out(`${label} — ${preview.file}`);
  for (const line of preview.diff) output.out(`${line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '} ${line.text}`);
  if (preview.holdsSecret) output.out('  (the file would hold the key in plain text)');
}
