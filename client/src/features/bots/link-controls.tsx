// The link's buttons for the current phase: link by QR or phone number (or again, after a
// disconnection), restart, and unlink after a confirmation.
import type { LinkStatus } from '@colmeia/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { FormError } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import type { BotAbilities } from './bot-abilities.ts';
import { GuardedButton } from './guarded-button.tsx';
import { linkActions, linkPhase, recovery } from './link-state.ts';
import './whatsapp.i18n.ts';

export function LinkControls(props: {
  status: LinkStatus;
  botName: string;
  abilities: BotAbilities;
  method: 'qr' | 'code';
  onMethod: (method: 'qr' | 'code') => void;
}) {
  const { t } = useTranslation('whatsapp');
  const trpc = useTRPC();
  const { status, abilities, method } = props;
  const botId = status.botId;
  const phase = linkPhase(status);
  const can = linkActions(phase);
  const [confirming, setConfirming] = useState(false);
  const start = useMutation(trpc.whatsapp.start.mutationOptions());
  const restart = useMutation(trpc.whatsapp.restart.mutationOptions());
  const unlink = useMutation(trpc.whatsapp.unlink.mutationOptions({ onSuccess: () => setConfirming(false) }));
  const busy = start.isPending || restart.isPending || unlink.isPending;

  const linkLabel =
    phase === 'failed'
      ? t('action.tryAgain')
      : phase === 'disconnected'
        ? t(`action.${recovery(status.lastReason)}`)
        : t('action.linkQr');
  return (
    <>
      <div className="row-actions link-controls">
        {can.link && (
          <GuardedButton
            blocked={abilities.link}
            disabled={busy}
            onClick={() => {
              props.onMethod('qr');
              start.mutate({ botId });
            }}
          >
            {linkLabel}
          </GuardedButton>
        )}
        {can.pairing && method === 'qr' && (
          <GuardedButton variant="secondary" blocked={abilities.link} onClick={() => props.onMethod('code')}>
            {t('action.linkPhone')}
          </GuardedButton>
        )}
        {can.pairing && method === 'code' && !status.pairing && (
          <GuardedButton variant="secondary" blocked={abilities.link} onClick={() => props.onMethod('qr')}>
            {t('action.useQr')}
          </GuardedButton>
        )}
        {can.restart && (
          <GuardedButton
            variant="secondary"
            blocked={abilities.link}
            disabled={busy}
            onClick={() => restart.mutate({ botId })}
          >
            {t('action.restart')}
          </GuardedButton>
        )}
        {can.unlink && (
          <GuardedButton
            variant="danger"
            blocked={abilities.unlink}
            disabled={busy}
            onClick={() => {
              unlink.reset();
              setConfirming(true);
            }}
          >
            {t('action.unlink')}
          </GuardedButton>
        )}
      </div>
      <FormError error={start.error ?? restart.error} />
      <ConfirmDialog
        open={confirming}
        title={t('unlinkTitle')}
        confirmLabel={t('action.unlink')}
        onConfirm={() => unlink.mutate({ botId })}
        onClose={() => setConfirming(false)}
        pending={unlink.isPending}
        error={unlink.error}
      >
        <p>{t('unlinkConfirm', { name: props.botName })}</p>
      </ConfirmDialog>
    </>
  );
}
