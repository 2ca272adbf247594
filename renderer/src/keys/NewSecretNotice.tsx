/**
 * A freshly created or rotated key's value, shown once with a Copy button. The value is a prop held in
 * the dialog's state only: closing the dialog forgets it.
 */
import { useState } from 'react';
import { Icon } from '../ui/Icon';
import { useCopyKey } from './useCopyKey';

interface NewSecretNoticeProps {
  keyId: string;
  keyName: string;
  secret: string;
  verb: 'created' | 'rotated';
}

export function NewSecretNotice({ keyId, keyName, secret, verb }: NewSecretNoticeProps) {
  const copy = useCopyKey();
  const [copied, setCopied] = useState(false);
  return (
    <div className="new-secret">
      <p className="new-secret-lead">
        <Icon name="check" /> Key <strong>{keyName}</strong> was {verb}. Its value:
      </p>
      <div className="secret-box">
        <code className="mono secret-value">
          {secret}
        </code>
        <button
          type="button"
          className="button button-primary"
          onClick={async () => {
            if (await copy(keyId)) setCopied(true);
          }}
        >
          <Icon name={copied ? 'check' : 'copy'} /> {copied ? 'Copied' : 'Copy'}
        </button>
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
