/** What `mcpkv mcp import|connect|disconnect` share: the --form option, printing a masked preview, previewing or applying. */
import path from 'node:path';
import { VaultError } from '../../shared/errors';
import { describeModeChange } from '../../shared/exports';
import type { McpChange, McpChangePreview, McpChangeResult, McpConnectionForm } from '../../shared/mcp';
import type { McpService } from '../core/mcp/mcp-service';
import { respond, type Output } from './respond';

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

/**
 * `--dry-run`: prints the change (values masked) and changes nothing; otherwise applies it and prints `done`'s lines,
 * then the mode a write tightened. With --json, the preview or the result.
 */
export async function previewOrApply(
  output: Output,
  options: { dryRun?: boolean; json?: boolean },
  service: McpService,
  change: McpChange,
  label: string,
  done: (result: McpChangeResult) => string[],
): Promise<void> {
  if (options.dryRun) {
    const preview = await service.preview(change);
    return respond(output, options, preview, (out) => printPreview(out, label, preview));
  }
  const result = await service.apply(change);
  respond(output, options, result, () => [...done(result), ...(result.tightened ? [describeModeChange(path.basename(result.file), result.tightened)] : [])]);
}
