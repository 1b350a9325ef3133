// The alert webhook's signing secret: whether one is set, and rotating it (after a confirmation;
// the new one is shown once). Blocked while impersonating, like every credential.
import type { Budget } from '@colmeia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SecretOnce } from '../../ui/secret-once.tsx';
import { Button, Card } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import './costs.i18n.ts';

export function WebhookSecretCard({ budget, canManage }: { budget: Budget; canManage: boolean }) {
  const { t } = useTranslation('costs');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const impersonating = useImpersonating() !== null;
  const [confirming, setConfirming] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useMutation(
    trpc.gateway.budget.rotateWebhookSecret.mutationOptions({
      onSuccess: async (result) => {
        setConfirming(false);
        setSecret(result.webhookSecret);
        await queryClient.invalidateQueries({ queryKey: trpc.gateway.budget.get.queryKey() });
      },
    }),
  );
  const why = impersonating
    ? t('common:blockedWhileImpersonating')
    : !canManage
      ? t('common:forbidden')
      : !budget.alertWebhookUrl
        ? t('rotateNeedsWebhook')
        : undefined;

  return (
    <Card title={t('webhookSecretTitle')}>
      <p>{budget.webhookSecretSet ? t('webhookSecretSet') : t('webhookSecretNone')}</p>
      {why && <p className="muted small">{why}</p>}
      <Button
        variant="secondary"
        disabled={why !== undefined}
        title={why}
        onClick={() => {
          rotate.reset();
          setConfirming(true);
        }}
      >
        {t('rotate')}
      </Button>
      {secret && (
        <SecretOnce label={t('newWebhookSecret')} secret={secret} warning={t('webhookSecretWarning')} />
      )}
      <ConfirmDialog
        open={confirming}
        title={t('rotateTitle')}
        confirmLabel={t('rotate')}
        onConfirm={() => rotate.mutate({})}
        onClose={() => setConfirming(false)}
        pending={rotate.isPending}
        error={rotate.error}
      >
        <p>{t('rotateBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
