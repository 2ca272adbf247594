/** How a key is sent over HTTP: the line "Copy as HTTP header" puts on the clipboard. */
import { useId } from 'react';
import { DEFAULT_HTTP_HEADER, HTTP_HEADER_LABELS, HTTP_HEADER_STYLES } from '../../../shared/copy-format';
import type { HttpHeaderStyle } from '../../../shared/types';
import './copy.css';

interface HttpHeaderFieldProps {
  value: HttpHeaderStyle;
  onChange(value: HttpHeaderStyle): void;
}

export function HttpHeaderField({ value, onChange }: HttpHeaderFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        HTTP header
      </label>
      <select
        id={id}
        className="mono header-select"
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value as HttpHeaderStyle)}
      >
        {HTTP_HEADER_STYLES.map((style) => (
          <option key={style} value={style}>
            {HTTP_HEADER_LABELS[style]}
            {style === DEFAULT_HTTP_HEADER ? ' (default)' : ''}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        How “Copy as HTTP header” writes this key, for servers that expect it in a request header.
      </p>
    </div>
  );
}
