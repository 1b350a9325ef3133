// Budget alerts of the workspace, newest first: which threshold fired (or the daily cap), the
// limit and the spend at the time, and who acknowledged it. Anyone who can read costs may
// acknowledge (gateway.alerts.acknowledge asks for gateway.read).
import type { BudgetAlert } from '@colmeia/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, FormError } from '../../ui/ui.tsx';
import { PagedTable } from '../staff/paged-table.tsx';
import { formatPercent, formatUsd } from './money.ts';
import { dayLabel, monthLabel } from './period.ts';
import './costs.i18n.ts';

export function AlertsCard() {
  const { t } = useTranslation('costs');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unacknowledgedOnly, setUnacknowledgedOnly] = useState(false);
  const query = useInfiniteQuery(
    trpc.gateway.alerts.list.infiniteQueryOptions(
      { limit: 20, unacknowledgedOnly },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const acknowledge = useMutation(
    trpc.gateway.alerts.acknowledge.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.gateway.alerts.list.pathKey() }),
    }),
  );

  return (
    <Card
      title={t('alertsTitle')}
      actions={
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unacknowledgedOnly}
            onChange={(e) => setUnacknowledgedOnly(e.target.checked)}
          />
          {t('unacknowledgedOnly')}
        </label>
      }
    >
      <FormError error={acknowledge.error} />
      <PagedTable
        query={query}
        label={t('alertsTable')}
        empty={t('noAlerts')}
        columns={[t('alert'), t('period'), t('limit'), t('spent'), t('when'), t('status')]}
        row={(alert) => (
          <AlertCells
            alert={alert}
            busy={acknowledge.isPending}
            onAcknowledge={() => acknowledge.mutate({ id: alert.id })}
          />
        )}
      />
    </Card>
  );
}

function AlertCells(props: { alert: BudgetAlert; busy: boolean; onAcknowledge: () => void }) {
  const { t, i18n } = useTranslation('costs');
  const a = props.alert;
  const what =
    a.kind === 'daily_cap'
      ? t('alertDailyCap')
      : t('alertThreshold', { percent: formatPercent(a.thresholdPercent ?? 0) });
  const when = formatDateTime(a.createdAt);
  return (
    <>
      <td>
        <span className={`badge ${a.acknowledgedAt ? '' : 'badge-warning'}`}>{what}</span>
        {a.agentId && <div className="muted small">{t('alertAgent', { agent: a.agentId })}</div>}
      </td>
      <td>
        {a.period.length === 7 ? monthLabel(a.period, i18n.language) : dayLabel(a.period, i18n.language)}
      </td>
      <td className="num">{formatUsd(a.limitUsd)}</td>
      <td className="num">{formatUsd(a.spentUsd)}</td>
      <td>
        <time dateTime={a.createdAt}>{when}</time>
      </td>
      <td>
        {a.acknowledgedAt ? (
          <span className="muted small">
            {a.acknowledgedByEmail
              ? t('acknowledgedBy', { email: a.acknowledgedByEmail })
              : t('acknowledged')}
          </span>
        ) : (
          <Button
            variant="secondary"
            disabled={props.busy}
            aria-label={t('acknowledgeAlert', { when })}
            onClick={props.onAcknowledge}
          >
            {t('acknowledge')}
          </Button>
        )}
      </td>
    </>
  );
}
