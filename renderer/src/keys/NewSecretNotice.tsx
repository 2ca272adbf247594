/**
 * A freshly created or rotated key's value, shown once with a Copy button. The value is a prop held in
 * the dialog's state only: closing the dialog forgets it.
 */
import { useState } from 'react';
import { Icon } from '../ui/Icon';
import { maskKey } from '../../../shared/key-format';
import { CopySplitButton } from '../copy/CopySplitButton';
import { useKeysStore } from './keysStore';

interface NewSecretNoticeProps {
  keyId: string;
  keyName: string;
  secret: string;
  verb: 'created' | 'rotated';
}

export function NewSecretNotice({ keyId, keyName, secret, verb }: NewSecretNoticeProps) {
  const [copied, setCopied] = useState(false);
  // The stored view (added to the list on create) gives the masked shape and header style the format menu shows.
  const view = useKeysStore((s) => s.keys.find((k) => k.id === keyId));
  const masked = view ? maskKey(view) : '…';
  const httpHeader = view?.httpHeader;
  return (
    <div className="new-secret">
      <p className="new-secret-lead">
        <Icon name="check" /> Key <strong>{keyName}</strong> was {verb}. Its value:
      </p>
      <div className="secret-box">
        <code className="mono secret-value">
          {secret}
        </code>
        <CopySplitButton keyId={keyId} masked={masked} httpHeader={httpHeader} disabled={null} primary small={false} onCopied={() => setCopied(true)}>
          <Icon name={copied ? 'check' : 'copy'} /> {copied ? 'Copied' : 'Copy'}
        </CopySplitButton>
      </div>
      <p className="callout">
        <Icon name="alert" />
        <span>
          <strong>Store it safely: copy it now.</strong> This is the only time it is shown unasked; it stays in your OS keychain, and you can reveal it later from the key's details.
        </span>
      </p>
    </div>
  );
}
