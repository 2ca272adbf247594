/** Metadata as name/value rows: add and remove rows. */
import { useEffect, useId, useRef } from 'react';
import { Icon } from '../../ui/Icon';
import { metadataRow, type MetadataRow } from './keyForm';

interface MetadataFieldProps {
  rows: MetadataRow[];
  onChange(rows: MetadataRow[]): void;
  error?: string;
}

export function MetadataField({ rows, onChange, error }: MetadataFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const listRef = useRef<HTMLDivElement>(null);
  const focusLast = useRef(false);

  useEffect(() => {
    if (!focusLast.current) return;
    focusLast.current = false;
    const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input[data-role="meta-name"]');
    inputs?.[inputs.length - 1]?.focus();
  }, [rows.length]);

  function update(rowId: number, change: Partial<MetadataRow>) {
    onChange(rows.map((row) => (row.rowId === rowId ? { ...row, ...change } : row)));
  }

  return (
    <fieldset className={`field${error ? ' has-error' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">
        Metadata<span className="optional" aria-hidden="true"> optional</span>
      </legend>
      <div className="meta-rows" ref={listRef}>
        {rows.map((row, index) => (
          <div key={row.rowId} className="meta-row">
            <input
              className="input mono"
              data-role="meta-name"
              aria-label={`Metadata name ${index + 1}`}
              placeholder="name, e.g. environment"
              value={row.name}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => update(row.rowId, { name: event.target.value })}
            />
            <input
              className="input"
              aria-label={`Metadata value ${index + 1}`}
              placeholder="value, e.g. production"
              value={row.value}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => update(row.rowId, { value: event.target.value })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove metadata row ${index + 1}`}
              onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
            >
              <Icon name="close" size={14} />
            </button>
          </div>
        ))}
      </div>
      <button
        type="button"
        className="button button-ghost button-small"
        onClick={() => {
          focusLast.current = true;
          onChange([...rows, metadataRow()]);
        }}
      >
        <Icon name="plus" size={14} /> Add metadata
      </button>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
