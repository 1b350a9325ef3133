// The month's usage against the plan's limits, closest to its limit first.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, ErrorState, Loading } from '../../ui/ui.tsx';
import { meterState } from './billing-logic.ts';

export function MetersCard() {
  const { t } = useTranslation('billing');
  const trpc = useTRPC();
  const usage = useQuery(trpc.billing.usage.queryOptions());
  if (usage.isPending) return <Loading />;
  if (usage.isError) return <ErrorState error={usage.error} onRetry={() => usage.refetch()} />;
  const meters = [...usage.data.meters].sort(
    (a, b) => (meterState(b).ratio ?? -1) - (meterState(a).ratio ?? -1),
  );
  return (
    <Card title={t('usage', { period: usage.data.period })}>
      <ul className="meters">
        {meters.map((m) => {
          const s = meterState(m);
          return (
            <li key={m.key} data-testid={`meter-${m.key}`} data-tone={s.tone}>
              <span>{t(`meter.${m.key}`)}</span>
              <span>
                {m.limit === null
                  ? `${formatNumber(m.used)} (${t('unlimited')})`
                  : t('ofLimit', { used: formatNumber(m.used), limit: formatNumber(m.limit) })}
              </span>
              {s.ratio !== null && (
                <progress className={`meter-${s.tone}`} value={Math.round(s.ratio * 100)} max={100} />
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('tokens', { tokens: formatNumber(usage.data.tokens) })}</p>
    </Card>
  );
}
