// /w/:tenantId/costs — the month's AI spend (permission gateway.read): total against the budget,
// cost per day, breakdowns by model, agent and channel, and the recent calls. ?month=YYYY-MM.
import type { Costs } from '@colmeia/shared';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan, useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { BreakdownTable } from './breakdown.table.tsx';
import { BudgetBar } from './budget-bar.tsx';
import { CostsTabs, MonthPicker } from './costs-nav.tsx';
import { formatUsd } from './money.ts';
import { dailySeries, monthLabel, monthOf } from './period.ts';
import { UsageCard } from './usage.card.tsx';
import './costs.css';
import './costs.i18n.ts';

const CostChart = lazy(() => import('./cost-chart.tsx'));

export function CostsPage() {
  const { t } = useTranslation('costs');
  const { tenantId, role } = useCurrentWorkspace();
  const allowed = useCan('gateway.read');
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? monthOf(new Date());
  if (!role) return <Loading />;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          allowed ? <MonthPicker value={month} onChange={(m) => setParams({ month: m })} /> : undefined
        }
      />
      <CostsTabs tenantId={tenantId} />
      {allowed ? <MonthCosts month={month} /> : <Notice tone="warning">{t('noPermission')}</Notice>}
    </>
  );
}

function MonthCosts({ month }: { month: string }) {
  const { t, i18n } = useTranslation('costs');
  const trpc = useTRPC();
  const costs = useQuery(trpc.gateway.costs.queryOptions({ month }));
  if (costs.isPending) return <Loading />;
  if (costs.isError) return <ErrorState error={costs.error} onRetry={() => costs.refetch()} />;
  const c = costs.data;
  const label = monthLabel(c.period, i18n.language);
  return (
    <>
      <SpendCard costs={c} label={label} />
      {c.calls === 0 ? (
        <EmptyState title={t('emptyTitle', { month: label })}>{t('emptyText')}</EmptyState>
      ) : (
        <>
          <Card title={t('perDay')}>
            <Suspense fallback={<Loading />}>
              <CostChart
                points={dailySeries(c.period, c.byDay, new Date())}
                label={t('perDayChart', { month: label })}
              />
            </Suspense>
          </Card>
          <Breakdowns costs={c} />
        </>
      )}
      <UsageCard />
    </>
  );
}

function SpendCard({ costs: c, label }: { costs: Costs; label: string }) {
  const { t } = useTranslation('costs');
  const { tenantId } = useCurrentWorkspace();
  const canManage = useCan('gateway.manage');
  return (
    <Card title={t('spentTitle', { month: label })}>
      <p className="stat">{formatUsd(c.totalUsd)}</p>
      <ul className="figures muted">
        <li>{t('calls', { count: c.calls })}</li>
        {c.failedCalls > 0 && <li>{t('failedCalls', { count: c.failedCalls })}</li>}
        {c.refusedCalls > 0 && <li>{t('refusedCalls', { count: c.refusedCalls })}</li>}
        {c.projectionUsd !== null && c.calls > 0 && (
          <li>{t('projection', { amount: formatUsd(c.projectionUsd) })}</li>
        )}
      </ul>
      {c.monthlyLimitUsd !== null ? (
        <>
          <BudgetBar
            spentUsd={c.totalUsd}
            limitUsd={c.monthlyLimitUsd}
            thresholdsPercent={c.thresholdsPercent}
          />
          {c.totalUsd >= c.monthlyLimitUsd && c.monthlyLimitUsd > 0 && (
            <Notice tone="warning">{t('overBudget')}</Notice>
          )}
        </>
      ) : (
        <p className="muted">
          {t('noBudget')} {canManage && <Link to={`/w/${tenantId}/costs/budget`}>{t('setBudget')}</Link>}
        </p>
      )}
    </Card>
  );
}

function Breakdowns({ costs: c }: { costs: Costs }) {
  const { t } = useTranslation('costs');
  return (
    <div className="breakdowns">
      <Card title={t('perModel')}>
        <BreakdownTable
          label={t('perModel')}
          keyHeader={t('model')}
          slices={c.byModel}
          totalUsd={c.totalUsd}
          name={(key) => key ?? '—'}
        />
      </Card>
      <Card title={t('perAgent')}>
        <BreakdownTable
          label={t('perAgent')}
          keyHeader={t('agent')}
          slices={c.byAgent}
          totalUsd={c.totalUsd}
          name={(key) => key ?? t('noAgent')}
        />
      </Card>
      <Card title={t('perChannel')}>
        <BreakdownTable
          label={t('perChannel')}
          keyHeader={t('channel')}
          slices={c.byChannel}
          totalUsd={c.totalUsd}
          name={(key) => (key ? t(`channels.${key}`, { defaultValue: key }) : '—')}
        />
      </Card>
    </div>
  );
}
