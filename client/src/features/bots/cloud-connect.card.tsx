// "Connect in Meta": the callback URL and verify token to paste into Meta's app dashboard, the
// steps there, whether Meta has verified the webhook and called it since, and rotating the token
// (Meta must then be told the new one; refused while impersonating).
import type { CloudSettingsDto } from '@colmeia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, Notice } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { CopyField } from './copy-field.tsx';
import { GuardedButton } from './guarded-button.tsx';
import './cloud.i18n.ts';

const STEPS = ['app', 'webhook', 'fields', 'ids', 'token', 'test'] as const;

export function CloudConnectCard({
  settings,
  impersonating,
}: {
  settings: CloudSettingsDto;
  impersonating: boolean;
}) {
  const { t } = useTranslation('cloud');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.cloud.rotateVerifyToken.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.cloud.get.queryKey({ botId: saved.botId }), saved);
        setConfirming(false);
      },
    }),
  );

  return (
    <Card title={t('connectCard')}>
      <p>{t('connectIntro')}</p>
      <CopyField key={settings.webhookUrl} label={t('webhookUrl')} value={settings.webhookUrl} />
      <CopyField key={settings.verifyToken} label={t('verifyToken')} value={settings.verifyToken} />
      <ul className="cloud-checks" aria-label={t('verification')}>
        <li className={settings.verifiedAt ? 'cloud-ok' : 'cloud-pending'}>
          {settings.verifiedAt
            ? t('verifiedAt', { when: formatDateTime(settings.verifiedAt) })
            : t('notVerified')}
        </li>
        <li className={settings.lastWebhookAt ? 'cloud-ok' : 'cloud-pending'}>
          {settings.lastWebhookAt
            ? t('lastWebhookAt', { when: formatDateTime(settings.lastWebhookAt) })
            : t('noWebhook')}
        </li>
      </ul>
      {rotate.isSuccess && !settings.verifiedAt && <Notice tone="warning">{t('rotated')}</Notice>}
      <h3 className="cloud-steps-title">{t('steps')}</h3>
      <ol className="cloud-steps">
        {STEPS.map((step) => (
          <li key={step}>{t(`step.${step}`)}</li>
        ))}
      </ol>
      <GuardedButton
        variant="secondary"
        blocked={impersonating ? 'impersonation' : null}
        onClick={() => {
          rotate.reset();
          setConfirming(true);
        }}
      >
        {t('rotate')}
      </GuardedButton>
      <ConfirmDialog
        open={confirming}
        title={t('rotate')}
        confirmLabel={t('rotateButton')}
        onConfirm={() => rotate.mutate({ botId: settings.botId })}
        onClose={() => setConfirming(false)}
        pending={rotate.isPending}
        error={rotate.error}
      >
        <p>{t('rotateConfirm')}</p>
      </ConfirmDialog>
    </Card>
  );
}
