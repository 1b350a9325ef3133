// The foot of the editor: an optional note for the new version, the save button and what happened.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormError, Notice, TextField } from '../../ui/ui.tsx';
import './bot-config.i18n.ts';

export function SaveBar(props: {
  note: string;
  onNote: (note: string) => void;
  dirty: boolean;
  pending: boolean;
  outcome: 'saved' | 'unchanged' | 'invalid' | null;
  error: unknown;
  children?: ReactNode;
}) {
  const { t } = useTranslation('botConfig');
  return (
    <section className="card save-bar" aria-label={t('saveSection')}>
      {props.outcome === 'invalid' && (
        <p className="form-error" role="alert">
          {t('invalid')}
        </p>
      )}
      {props.outcome === 'saved' && <Notice tone="success">{t('saved')}</Notice>}
      {props.outcome === 'unchanged' && <Notice>{t('unchanged')}</Notice>}
      <FormError error={props.error} />
      {props.children}
      <div className="save-row">
        <TextField
          label={t('note')}
          placeholder={t('notePlaceholder')}
          maxLength={300}
          value={props.note}
          onChange={(e) => props.onNote(e.target.value)}
        />
        <Button type="submit" disabled={props.pending}>
          {props.pending ? t('saving') : t('save')}
        </Button>
      </div>
      {props.dirty && <p className="muted small unsaved">{t('unsaved')}</p>}
    </section>
  );
}
