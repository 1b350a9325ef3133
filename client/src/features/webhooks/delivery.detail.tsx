// One delivery in full: its state, the JSON body as sent, the start of the receiver's last answer,
// and Replay (one more attempt now; refused while an attempt is still queued or running).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, ErrorState, FormError, Loading, Notice } from '../../ui/ui.tsx';
import { DeliveryStateBadge } from './delivery-state.tsx';
import { canReplay, prettyJson } from './webhook-logic.ts';
import './webhooks.i18n.ts';

export function DeliveryDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('webhooks');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [replayed, setReplayed] = useState(false);
  const detail = useQuery(
    trpc.webhooks.deliveries.get.queryOptions(
      { id },
      { refetchInterval: (q) => (q.state.data?.status === 'pending' ? 1_500 : false) },
    ),
  );
  const replay = useMutation(
    trpc.webhooks.deliveries.replay.mutationOptions({
      onSuccess: async () => {
        setReplayed(true);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.get.queryKey({ id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.list.pathKey() }),
        ]);
      },
    }),
  );

  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const d = detail.data;
  const replayable = canReplay(d);
  return (
    <div className="webhook-detail">
      <dl className="webhook-facts">
        <dt>{t('eventId')}</dt>
        <dd>
          <code className="break">{d.eventId}</code>
        </dd>
        <dt>{t('status')}</dt>
        <dd>
          <DeliveryStateBadge delivery={d} />
        </dd>
        <dt>{t('attempts')}</dt>
        <dd>{d.attempts}</dd>
        <dt>{t('code')}</dt>
        <dd>{d.lastStatusCode ?? '—'}</dd>
        {d.lastError && (
          <>
            <dt>{t('lastError')}</dt>
            <dd className="break">{d.lastError}</dd>
          </>
        )}
        <dt>{t('when')}</dt>
        <dd>{formatDateTime(d.createdAt)}</dd>
        {d.deliveredAt && (
          <>
            <dt>{t('deliveredAt')}</dt>
            <dd>{formatDateTime(d.deliveredAt)}</dd>
          </>
        )}
      </dl>
      <h3>{t('payload')}</h3>
      <pre className="webhook-pre">{prettyJson(d.payload)}</pre>
      <h3>{t('response')}</h3>
      {d.responseSnippet ? (
        <pre className="webhook-pre">{d.responseSnippet}</pre>
      ) : (
        <p className="muted">{t('noResponse')}</p>
      )}
      {replayed && <Notice tone="success">{t('replayed')}</Notice>}
      <p className="muted small">{replayable ? t('replayHint') : t('replayPendingHint')}</p>
      <FormError error={replay.error} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onClose}>
          {t('common:close')}
        </Button>
        <Button
          disabled={!replayable || replay.isPending}
          title={replayable ? undefined : t('replayPendingHint')}
          onClick={() => {
            setReplayed(false);
            replay.mutate({ id });
          }}
        >
          {t('replay')}
        </Button>
      </div>
    </div>
  );
}
