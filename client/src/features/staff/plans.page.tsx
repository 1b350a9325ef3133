// /staff/plans — each plan's name, displayed price and limits, edited by staff (audited). The
// models a plan allows and its Stripe lookup key stay as shipped; the charged price lives in Stripe.
import type { Plan } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, ErrorState, FormError, Loading, Notice, PageHeader, TextField } from '../../ui/ui.tsx';
import './staff-billing.i18n.ts';

const limitText = (v: number | null) => (v === null ? '' : String(v));
const limitValue = (s: string) => (s.trim() === '' ? null : Math.max(0, Math.floor(Number(s))));

export function StaffPlansPage() {
  const { t } = useTranslation('staffBilling');
  const trpc = useTRPC();
  const plans = useQuery(trpc.staffBilling.plans.queryOptions());
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => plans.refetch()} />;
  return (
    <>
      <PageHeader title={t('plansTitle')} description={t('plansDescription')} />
      {plans.data.map((plan) => (
        <PlanEditor key={plan.id} plan={plan} />
      ))}
    </>
  );
}

function PlanEditor({ plan }: { plan: Plan }) {
  const { t } = useTranslation('staffBilling');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(plan.name);
  const [price, setPrice] = useState(String(plan.priceBrlCents / 100));
  const [messages, setMessages] = useState(limitText(plan.limits.messagesPerMonth));
  const [groups, setGroups] = useState(limitText(plan.limits.groups));
  const [bots, setBots] = useState(limitText(plan.limits.bots));
  const [apiAccess, setApiAccess] = useState(plan.limits.apiAccess);
  const [signature, setSignature] = useState(plan.limits.signature);
  const save = useMutation(
    trpc.staffBilling.updatePlan.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.staffBilling.plans.queryKey() }),
    }),
  );
  return (
    <Card title={plan.name}>
      <form
        data-testid={`plan-editor-${plan.id}`}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({
            id: plan.id,
            name,
            priceBrlCents: Math.round(Number(price.replace(',', '.')) * 100),
            limits: {
              ...plan.limits,
              messagesPerMonth: limitValue(messages),
              groups: limitValue(groups),
              bots: limitValue(bots),
              apiAccess,
              signature,
            },
          });
        }}
      >
        <div className="form-row">
          <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} />
          <TextField
            label={t('price')}
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t('messages')}
            inputMode="numeric"
            value={messages}
            onChange={(e) => setMessages(e.target.value)}
          />
          <TextField
            label={t('groups')}
            inputMode="numeric"
            value={groups}
            onChange={(e) => setGroups(e.target.value)}
          />
          <TextField
            label={t('bots')}
            inputMode="numeric"
            value={bots}
            onChange={(e) => setBots(e.target.value)}
          />
        </div>
        <label>
          <input type="checkbox" checked={apiAccess} onChange={(e) => setApiAccess(e.target.checked)} />{' '}
          {t('apiAccess')}
        </label>{' '}
        <label>
          <input type="checkbox" checked={signature} onChange={(e) => setSignature(e.target.checked)} />{' '}
          {t('signature')}
        </label>
        <div className="form-actions">
          <Button type="submit" disabled={save.isPending}>
            {t('save', { plan: plan.name })}
          </Button>
        </div>
        {save.isSuccess && <Notice tone="success">{t('done')}</Notice>}
        <FormError error={save.error} />
      </form>
    </Card>
  );
}
