// /w/:tenantId/costs/budget — the budget and its alerts: where this month stands (paused by the
// daily cap? models downgraded?), the settings (permission gateway.manage), the webhook's signing
// secret, per-agent budgets and the alert list.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useCan, useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { AgentBudgetsCard } from './agent-budgets.card.tsx';
import { AlertsCard } from './alerts.card.tsx';
import { BudgetBar } from './budget-bar.tsx';
import { BudgetSettingsCard } from './budget-settings.card.tsx';
import { CostsTabs } from './costs-nav.tsx';
import { formatUsd } from './money.ts';
import { monthLabel } from './period.ts';
import { WebhookSecretCard } from './webhook-secret.card.tsx';
import './costs.css';
import './costs.i18n.ts';

export function BudgetPage() {
  const { t } = useTranslation('costs');
  const { tenantId, role } = useCurrentWorkspace();
  const allowed = useCan('gateway.read');
  if (!role) return <Loading />;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <CostsTabs tenantId={tenantId} />
      {allowed ? <BudgetSections /> : <Notice tone="warning">{t('noPermission')}</Notice>}
    </>
  );
}

function BudgetSections() {
  const { t, i18n } = useTranslation('costs');
  const trpc = useTRPC();
  const { tenantId } = useCurrentWorkspace();
  const canManage = useCan('gateway.manage');
  const budget = useQuery(trpc.gateway.budget.get.queryOptions());
  if (budget.isPending) return <Loading />;
  if (budget.isError) return <ErrorState error={budget.error} onRetry={() => budget.refetch()} />;
  const b = budget.data;
  return (
    <>
      <Card title={t('statusTitle', { month: monthLabel(b.period, i18n.language) })}>
        {b.paused && <Notice tone="warning">{t('paused')}</Notice>}
        {b.downgradeActive && <Notice tone="warning">{t('downgradeActive')}</Notice>}
        <dl className="grid-cards stats">
          <div>
            <dt className="muted">{t('spentMonth')}</dt>
            <dd className="stat">{formatUsd(b.spentUsd)}</dd>
          </div>
          <div>
            <dt className="muted">{t('spentToday')}</dt>
            <dd className="stat">{formatUsd(b.spentTodayUsd)}</dd>
          </div>
          <div>
            <dt className="muted">{t('limitsInForce')}</dt>
            <dd>
              {t('limitsValue', { rpm: formatNumber(b.effectiveRpm), tpm: formatNumber(b.effectiveTpm) })}
            </dd>
          </div>
        </dl>
        {b.monthlyLimitUsd !== null ? (
          <BudgetBar
            spentUsd={b.spentUsd}
            limitUsd={b.monthlyLimitUsd}
            thresholdsPercent={b.thresholdsPercent}
          />
        ) : (
          <p className="muted">{t('noBudget')}</p>
        )}
      </Card>
      {/* Keyed by workspace, so a switch never shows the previous workspace’s settings. */}
      <BudgetSettingsCard key={tenantId} budget={b} canManage={canManage} />
      <WebhookSecretCard budget={b} canManage={canManage} />
      <AgentBudgetsCard budget={b} canManage={canManage} />
      <AlertsCard />
    </>
  );
}
