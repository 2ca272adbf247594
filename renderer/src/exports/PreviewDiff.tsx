/**
 * The file before → after, as main computed it with every value hidden: added lines green, removed red,
 * unchanged runs folded to a few lines of context. Only names cross from main: the file's own values as ••••
 * (a DB_PASSWORD or a DATABASE_URL is never sent to the page), comments as `# …`, the keys being written as
 * the vault shows them (`mcp_sk_…ab12`). Nothing secret is ever in it.
 */
import type { ExportPreview } from '../../../shared/exports';
import { DiffLines } from './DiffLines';
import { PreviewPanel } from './PreviewPanel';

interface PreviewDiffProps {
  fileName: string | null;
  preview: ExportPreview | null;
  /** The preview shown is for an earlier choice: a newer one is on its way. */
  stale: boolean;
  /** Why there is no preview (nothing chosen yet, a field to fix), or null. */
  placeholder: string | null;
}

function summaryOf(preview: ExportPreview): string {
  if (preview.changed.length === 0) return 'Already up to date: writing changes nothing.';
  const names = preview.changed.join(', ');
  return preview.exists ? `Writes ${names}.` : `Creates the file with ${names}.`;
}

export function PreviewDiff({ fileName, preview, stale, placeholder }: PreviewDiffProps) {
  return (
    <PreviewPanel
      file={fileName}
      summary={preview && !placeholder ? summaryOf(preview) : ''}
      hint="Values are hidden: the file's own show as ••••, the keys written as the vault shows them."
      placeholder={placeholder ?? (preview ? null : 'Loading the preview…')}
    >
      {preview ? <DiffLines lines={preview.diff} label={`Changes to ${fileName ?? 'the file'}`} stale={stale} emptyText="The file is empty." /> : null}
    </PreviewPanel>
  );
}
