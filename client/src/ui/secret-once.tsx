// A secret the server returns only once (an API key, a webhook signing secret): a warning that it
// will not be shown again, the value in a read-only box (selected on focus), and a copy button.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice } from './ui.tsx';
import './secret-once.i18n.ts';

export function SecretOnce({ label, secret, warning }: { label: string; secret: string; warning: string }) {
  const { t } = useTranslation('secretOnce');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();
  return (
    <div className="secret-once">
      <Notice tone="warning">{warning}</Notice>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <div className="row-actions">
          <input
            id={id}
            readOnly
            value={secret}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button
            variant="secondary"
            onClick={() =>
              // No clipboard API outside secure contexts: say so rather than fail silently.
              (navigator.clipboard?.writeText(secret) ?? Promise.reject(new Error('no clipboard'))).then(
                () => setCopy('copied'),
                () => setCopy('failed'),
              )
            }
          >
            {t('copy')}
          </Button>
        </div>
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}
