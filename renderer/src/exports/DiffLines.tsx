/**
 * A masked before → after, as main computed it: added lines green, removed red, unchanged runs folded to a few
 * lines of context. Drawn for a .env write (PreviewDiff) and for an MCP client's config change (mcp/). The lines
 * hold no value: main masks every one before they cross.
 */
import type { DiffLine } from '../../../shared/exports';
import { collapseDiff } from './diff';
import './exports.css';

interface DiffLinesProps {
  lines: DiffLine[];
  /** The region's accessible name, e.g. "Changes to .env". */
  label: string;
  /** The lines shown are for an earlier choice: a newer answer is on its way. */
  stale: boolean;
  /** Said when there is no line at all. */
  emptyText: string;
}

export function DiffLines({ lines, label, stale, emptyText }: DiffLinesProps) {
  const items = collapseDiff(lines);
  return (
    <div className={`diff${stale ? ' is-stale' : ''}`} role="region" aria-label={label} aria-busy={stale} tabIndex={0}>
      {items.length === 0 ? <div className="diff-gap">{emptyText}</div> : null}
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
  );
}
