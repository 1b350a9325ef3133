// Import an OpenClaw openclaw.json (JSON5, pasted): the server maps what it can into a new version
// and reports what it took and what it left out, with why.
import type { BotConfigState } from '@colmeia/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError, useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, Notice } from '../../ui/ui.tsx';
import { Modal } from '../workspace/modal.tsx';
import { TextAreaField } from './fields.tsx';
import './bot-config.i18n.ts';

export function ImportDialog(props: {
  botId: string;
  open: boolean;
  /** The editor has unsaved changes, which the import replaces. */
  dirty: boolean;
  onClose: () => void;
  onImported: (state: BotConfigState) => void;
}) {
  const { t } = useTranslation('botConfig');
  return (
    <Modal open={props.open} title={t('importTitle')} onClose={props.onClose}>
      <ImportBody {...props} />
    </Modal>
  );
}

function ImportBody(props: Parameters<typeof ImportDialog>[0]) {
  const { t } = useTranslation('botConfig');
  const trpc = useTRPC();
  const [source, setSource] = useState('');
  const run = useMutation(
    trpc.botConfig.importOpenClaw.mutationOptions({ onSuccess: (report) => props.onImported(report.state) }),
  );

  if (run.data) {
    const { mapped, skipped, state } = run.data;
    return (
      <div className="import-report">
        <Notice tone="success">{t('imported', { version: state.version })}</Notice>
        <h3>{t('mappedTitle', { count: mapped.length })}</h3>
        <ul aria-label={t('mappedTitle', { count: mapped.length })}>
          {mapped.map((key) => (
            <li key={key} className="mono">
              {key}
            </li>
          ))}
        </ul>
        <h3>{t('skippedTitle', { count: skipped.length })}</h3>
        {skipped.length === 0 ? (
          <p className="muted">{t('nothingSkipped')}</p>
        ) : (
          <ul aria-label={t('skippedTitle', { count: skipped.length })}>
            {skipped.map((s) => (
              <li key={`${s.key}:${s.why}`}>
                <span className="mono">{s.key}</span>: {s.why}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <Button onClick={props.onClose}>{t('common:close')}</Button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      aria-label={t('importTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (source.trim().length >= 2) run.mutate({ botId: props.botId, source });
      }}
    >
      <p className="muted">{t('importText')}</p>
      {props.dirty && <Notice tone="warning">{t('importDiscards')}</Notice>}
      <TextAreaField
        label={t('importSource')}
        rows={12}
        className="mono"
        spellCheck={false}
        value={source}
        onChange={(e) => setSource(e.target.value)}
      />
      <FormError error={run.error} />
      {/* The parser's own words say where the file went wrong. */}
      {apiError(run.error)?.fields?.source?.[0] && (
        <p className="muted small mono">{apiError(run.error)?.fields?.source?.[0]}</p>
      )}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={props.onClose}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" disabled={run.isPending || source.trim().length < 2}>
          {t('importButton')}
        </Button>
      </div>
    </form>
  );
}
