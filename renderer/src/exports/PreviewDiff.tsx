/**
 * The file before → after, as main computed it with every value hidden: added lines green, removed red,
 * unchanged runs folded to a few lines of context. Only names cross from main: the file's own values as ••••
 * (a DB_PASSWORD or a DATABASE_URL is never sent to the page), comments as `# …`, the keys being written as
 * the vault shows them (`mcp_sk_…ab12`). Nothing secret is ever in it.
 */
import { useId } from 'react';
import type { ExportPreview } from '../../../shared/exports';
import { collapseDiff } from './diff';

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
  const titleId = useId();
  const items = preview ? collapseDiff(preview.diff) : [];
  const body = placeholder ?? (preview ? null : 'Loading the preview…');

  return (
    <section className="use-preview" aria-labelledby={titleId}>
      <header className="use-preview-head">
        <h3 id={titleId}>
          Preview{fileName ? <span className="mono use-preview-file"> {fileName}</span> : null}
        </h3>
        <p className="use-preview-summary" aria-live="polite">
          {preview && !placeholder ? summaryOf(preview) : ''}
        </p>
        <p className="field-hint">Values are hidden: the file's own show as ••••, the keys written as the vault shows them.</p>
      </header>
      {body ? (
        <p className="use-preview-empty">{body}</p>
      ) : (
        <div
          className={`diff${stale ? ' is-stale' : ''}`}
          role="region"
          aria-label={`Changes to ${fileName ?? 'the file'}`}
          aria-busy={stale}
          tabIndex={0}
        >
          {items.length === 0 ? <div className="diff-gap">The file is empty.</div> : null}
          {items.map((item) => {
            if (item.kind === 'gap') {
              return (
                <div key={`gap-${item.at}`} className="diff-gap">
                  ⋯ {item.count} unchanged lines
                </div>
              );
            }
            const { kind, text } = item.line;
            const content = (
              <>
                <span className="diff-sign" aria-hidden="true">
                  {kind === 'added' ? '+' : kind === 'removed' ? '−' : ' '}
                </span>
                {kind === 'added' ? <span className="visually-hidden">Added: </span> : kind === 'removed' ? <span className="visually-hidden">Removed: </span> : null}
                <span className="diff-text">{text === '' ? ' ' : text}</span>
              </>
            );
            if (kind === 'added') return <ins key={item.at} className="diff-line diff-added">{content}</ins>;
            if (kind === 'removed') return <del key={item.at} className="diff-line diff-removed">{content}</del>;
            return (
              <div key={item.at} className="diff-line">
                {content}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
