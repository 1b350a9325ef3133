// The delivery log: filters by endpoint and status, newest first, "Load more", and a details dialog
// per delivery (payload, the receiver's answer, Replay). While deliveries are pending the list
// refreshes itself, so retries show up without reloading.
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '@colmeia/shared';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button, Card, EmptyState, ErrorState, Loading, SelectField } from '../../ui/ui.tsx';
import { LoadMore } from '../workspace/load-more.tsx';
import { Modal } from '../workspace/modal.tsx';
import { DeliveryDetail } from './delivery.detail.tsx';
import { DeliveryStateBadge } from './delivery-state.tsx';
import './webhooks.i18n.ts';

const REFRESH_MS = 3_000;

export function DeliveriesCard() {
  const { t } = useTranslation('webhooks');
  const trpc = useTRPC();
  const [endpointId, setEndpointId] = useState('');
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const [open, setOpen] = useState<{ id: string; type: string } | null>(null);
  const endpoints = useQuery(trpc.webhooks.list.queryOptions());
  const query = useInfiniteQuery(
    trpc.webhooks.deliveries.list.infiniteQueryOptions(
      { limit: 25, endpointId: endpointId || undefined, status: status || undefined },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: (q) =>
          q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? REFRESH_MS : false,
      },
    ),
  );
  const urlOf = (id: string) => endpoints.data?.find((e) => e.id === id)?.url ?? t('deletedEndpoint');

  let body: ReactNode;
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  else if (rows.length === 0)
    body = <EmptyState title={t('deliveriesEmpty')}>{t('deliveriesEmptyHint')}</EmptyState>;
  else
    body = (
      <>
        <DataTable
          label={t('deliveriesTable')}
          columns={[
            t('event'),
            t('endpoint'),
            t('status'),
            t('code'),
            t('attempts'),
            t('when'),
            t('actions'),
          ]}
          items={rows}
          row={(d) => (
            <>
              <td>
                {t(`eventNames.${d.eventType}`, { defaultValue: d.eventType })}
                <div className="muted small break">
                  <code>{d.eventId}</code>
                </div>
              </td>
              <td className="break small">
                <code>{urlOf(d.endpointId)}</code>
              </td>
              <td>
                <DeliveryStateBadge delivery={d} />
              </td>
              <td className="num">{d.lastStatusCode ?? '—'}</td>
              <td className="num">{d.attempts}</td>
              <td>
                <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
              </td>
              <td>
                <Button
                  variant="secondary"
                  aria-label={t('detailsNamed', { event: d.eventId })}
                  onClick={() => setOpen({ id: d.id, type: d.eventType })}
                >
                  {t('details')}
                </Button>
              </td>
            </>
          )}
        />
        <LoadMore query={query} />
      </>
    );

  return (
    <Card title={t('deliveriesTitle')}>
      <div className="filters">
        <SelectField
          label={t('filterEndpoint')}
          value={endpointId}
          onChange={(e) => setEndpointId(e.target.value)}
        >
          <option value="">{t('anyEndpoint')}</option>
          {endpoints.data?.map((e) => (
            <option key={e.id} value={e.id}>
              {e.description ? `${e.description} — ${e.url}` : e.url}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as WebhookDeliveryStatus | '')}
        >
          <option value="">{t('anyStatus')}</option>
          {WEBHOOK_DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statusNames.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {body}
      <Modal
        open={open !== null}
        title={t('detailTitle', {
          type: open ? t(`eventNames.${open.type}`, { defaultValue: open.type }) : '',
        })}
        onClose={() => setOpen(null)}
      >
        {open && <DeliveryDetail id={open.id} onClose={() => setOpen(null)} />}
      </Modal>
    </Card>
  );
}
