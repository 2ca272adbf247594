/**
 * A config change before → after, as main computed it with every value masked (mcp:preview): the server's part of
 * the file, what form the slot ends up in, and a warning when the file will hold a key in plain text.
 */
import type { McpChangePreview } from '../../../shared/mcp';
import { DiffLines } from '../exports/DiffLines';
import { PreviewPanel } from '../exports/PreviewPanel';
import { Icon } from '../ui/Icon';

interface McpPreviewProps {
  preview: McpChangePreview | null;
  stale: boolean;
  /** Why there is no preview (a field to fix, main's refusal), or null. */
  placeholder: string | null;
  /** The placeholder is main's refusal: said as an error. */
  isError: boolean;
}

const AFTER: Record<McpChangePreview['form'], string> = {
  launcher: 'Afterwards the client starts the server through mcpkv run, which hands it the key: no key in the file.',
  proxy: 'Afterwards the client reaches the server through the mcpkv proxy, which adds the header: no key in the file.',
  header: 'Afterwards the header holds the key in the file; the vault tracks it and rotation rewrites it.',
  plain: 'Afterwards the server is back in its plain form.',
};

export function McpPreview({ preview, stale, placeholder, isError }: McpPreviewProps) {
  return (
    <PreviewPanel
      file={preview?.file ?? null}
      summary={preview && !placeholder ? AFTER[preview.form] : ''}
      hint="Values are hidden: the file's own show masked, never in full. Other lines of the file stay byte for byte."
      notice={
        preview && !placeholder && preview.holdsSecret ? (
          <div className="callout mcp-secret-warning" role="alert">
            <Icon name="alert" />
            <strong>After this change the file holds the key in plain text: anyone who can read it, or a commit or backup of it, has the key.</strong>
          </div>
        ) : null
      }
      placeholder={placeholder ?? (preview ? null : 'Loading the preview…')}
      isError={isError}
    >
      {preview ? <DiffLines lines={preview.diff} label={`Changes to ${preview.file}`} stale={stale} emptyText="Nothing changes in the file." /> : null}
    </PreviewPanel>
  );
}
