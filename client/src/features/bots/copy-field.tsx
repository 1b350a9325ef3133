// A value to paste somewhere else (Meta's dashboard): read-only, selected on focus, with a copy
// button named after it and a spoken confirmation.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/ui.tsx';
import './cloud.i18n.ts';

export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('cloud');
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="row-actions">
        <input
          id={id}
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button
          variant="secondary"
          aria-label={t('copyOf', { label })}
          onClick={() =>
            // No clipboard API outside secure contexts: say so rather than fail silently.
            (navigator.clipboard?.writeText(value) ?? Promise.reject(new Error('no clipboard'))).then(
              () => setCopy('copied'),
              () => setCopy('failed'),
            )
          }
        >
          {t('copy')}
        </Button>
      </div>
      <small className="hint" role="status" aria-live="polite">
        {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
      </small>
    </div>
  );
}
