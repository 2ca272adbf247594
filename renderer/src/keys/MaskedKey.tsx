/**
 * A key's masked value (`mcp_sk_…G2fE`) that keeps its last four characters, the part a user compares,
 * however narrow its column: only the prefix gives way (shortened with an ellipsis).
 */
import type { KeyRecord } from '../../../shared/types';
import { maskKey } from '../../../shared/key-format';

export function MaskedKey({ keyView }: { keyView: Pick<KeyRecord, 'prefix' | 'fingerprint'> }) {
  const masked = maskKey(keyView);
  const tail = masked.slice(keyView.prefix.length);
  return (
    <code className="mono masked masked-key" title={masked}>
      <span className="masked-prefix">{keyView.prefix}</span>
      <span className="masked-tail">{tail}</span>
    </code>
  );
}
