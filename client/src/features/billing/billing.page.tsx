// /w/:tenantId/billing — the plan in force and its state, usage meters, every plan with what it
// includes and the way to it (Checkout for a first paid plan, a prorated switch after that),
// cancel at period end or keep, the Stripe portal, and invoices. Changes need billing.manage and
// are disabled while impersonating.
import type { Plan, PlanId, SubscriptionView } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useCan, useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, ErrorState, FormError, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { InvoicesCard } from './invoices.card.tsx';
import { MetersCard } from './meters.card.tsx';
import { PlanCard } from './plan-card.tsx';
import './billing.css';
import './billing.i18n.ts';

export function BillingPage() {
  const { t } = useTranslation('billing');
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const view = useQuery(trpc.billing.subscription.queryOptions());
  const plans = useQuery(trpc.billing.plans.queryOptions());
  const canManage = useCan('billing.manage');
  const canRead = useCan('billing.read');
  const impersonating = useImpersonating() !== null;
  if (view.isPending || plans.isPending) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => view.refetch()} />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => plans.refetch()} />;
  const locked = !canManage || impersonating || !view.data.paymentsEnabled;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {params.get('checkout') === 'canceled' && <Notice tone="warning">{t('checkoutCanceled')}</Notice>}
      {!view.data.paymentsEnabled && <Notice tone="warning">{t('paymentsDisabled')}</Notice>}
      {!canManage && <Notice>{t('noPermission')}</Notice>}
      {impersonating && <Notice tone="warning">{t('blocked')}</Notice>}
      <CurrentPlanCard view={view.data} locked={locked} />
      <MetersCard />
      <PlansCard view={view.data} plans={plans.data} locked={locked} />
      {canRead && <InvoicesCard />}
    </>
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.billing.subscription.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.usage.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.billing.invoices.queryKey() }),
    ]);
}

function CurrentPlanCard({ view, locked }: { view: SubscriptionView; locked: boolean }) {
  const { t } = useTranslation('billing');
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  const portal = useMutation(
    trpc.billing.portal.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }),
  );
  const cancel = useMutation(
    trpc.billing.cancel.mutationOptions({ onSuccess: () => refresh().then(() => setConfirming(false)) }),
  );
  const resume = useMutation(trpc.billing.resume.mutationOptions({ onSuccess: () => refresh() }));
  const paid = view.stripeStatus !== null && view.access !== 'canceled';
  const periodEnd = view.currentPeriodEnd ? formatDate(view.currentPeriodEnd) : '';
  return (
    <Card title={t('currentPlan')}>
      <p className="current-plan" data-testid="current-plan">
        <strong>{view.plan.name}</strong> · <span data-testid="access">{t(`status.${view.access}`)}</span>
      </p>
      {view.comp && (
        <p>
          {t('comp', { until: view.comp.until ? t('compUntil', { date: formatDate(view.comp.until) }) : '' })}
        </p>
      )}
      {paid && periodEnd && (
        <p data-testid="period">
          {view.cancelAtPeriodEnd ? t('endsOn', { date: periodEnd }) : t('renews', { date: periodEnd })}
        </p>
      )}
      <div className="form-actions">
        {view.hasStripeCustomer && (
          <Button variant="secondary" disabled={locked || portal.isPending} onClick={() => portal.mutate({})}>
            {t('portal')}
          </Button>
        )}
        {paid && !view.cancelAtPeriodEnd && (
          <Button variant="danger" disabled={locked} onClick={() => setConfirming(true)}>
            {t('cancel')}
          </Button>
        )}
        {paid && view.cancelAtPeriodEnd && (
          <Button disabled={locked || resume.isPending} onClick={() => resume.mutate({})}>
            {t('resume')}
          </Button>
        )}
      </div>
      <FormError error={portal.error ?? resume.error} />
      <ConfirmDialog
        open={confirming}
        title={t('confirmCancel')}
        confirmLabel={t('cancel')}
        onConfirm={() => cancel.mutate({})}
        onClose={() => setConfirming(false)}
        pending={cancel.isPending}
        error={cancel.error}
      >
        <p>{t('confirmCancelText', { date: periodEnd })}</p>
      </ConfirmDialog>
    </Card>
  );
}

function PlansCard({ view, plans, locked }: { view: SubscriptionView; plans: Plan[]; locked: boolean }) {
  const { t } = useTranslation('billing');
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [switching, setSwitching] = useState<Plan | null>(null);
  const checkout = useMutation(
    trpc.billing.checkout.mutationOptions({ onSuccess: ({ url }) => window.location.assign(url) }),
  );
  const change = useMutation(
    trpc.billing.changePlan.mutationOptions({ onSuccess: () => refresh().then(() => setSwitching(null)) }),
  );
  const subscribed = view.stripeStatus !== null && view.access !== 'canceled';
  const action = (plan: Plan) => {
    if (plan.id === view.plan.id) return <Button disabled>{t('current')}</Button>;
    if (!subscribed && plan.id === 'starter') return null;
    if (!subscribed)
      return (
        <Button
          disabled={locked || checkout.isPending}
          data-testid={`subscribe-${plan.id}`}
          onClick={() => checkout.mutate({ plan: plan.id as Exclude<PlanId, 'starter'> })}
        >
          {t('subscribe')}
        </Button>
      );
    return (
      <Button
        variant="secondary"
        disabled={locked}
        data-testid={`switch-${plan.id}`}
        onClick={() => setSwitching(plan)}
      >
        {t('switch')}
      </Button>
    );
  };
  return (
    <Card title={t('plans')}>
      <FormError error={checkout.error} />
      <div className="plan-grid">
        {plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} current={plan.id === view.plan.id} action={action(plan)} />
        ))}
      </div>
      <ConfirmDialog
        open={switching !== null}
        title={t('confirmSwitch', { plan: switching?.name ?? '' })}
        confirmLabel={t('switch')}
        onConfirm={() => switching && change.mutate({ plan: switching.id })}
        onClose={() => setSwitching(null)}
        pending={change.isPending}
        error={change.error}
      >
        <p>{switching?.id === 'starter' ? t('confirmDowngradeText') : t('confirmSwitchText')}</p>
      </ConfirmDialog>
    </Card>
  );
}
