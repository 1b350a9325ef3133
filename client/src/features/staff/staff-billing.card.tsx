// The billing part of a workspace in the staff console: plan, state, usage, provisioning, and the
// audited levers (comp a plan, remove it, extend grace, force provisioning), each with a reason.
import { PLAN_IDS, type PlanId } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import {
  Button,
  Card,
  ErrorState,
  FormError,
  Loading,
  Notice,
  SelectField,
  TextField,
} from '../../ui/ui.tsx';
import './staff-billing.i18n.ts';

export function StaffBillingCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('staffBilling');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const billing = useQuery(trpc.staffBilling.get.queryOptions({ tenantId }));
  const [reason, setReason] = useState('');
  const [plan, setPlan] = useState<PlanId>('pro');
  const [until, setUntil] = useState('');
  const [days, setDays] = useState(7);
  const onSuccess = () =>
    queryClient.invalidateQueries({ queryKey: trpc.staffBilling.get.queryKey({ tenantId }) });
  const comp = useMutation(trpc.staffBilling.comp.mutationOptions({ onSuccess }));
  const removeComp = useMutation(trpc.staffBilling.removeComp.mutationOptions({ onSuccess }));
  const extend = useMutation(trpc.staffBilling.extendGrace.mutationOptions({ onSuccess }));
  const force = useMutation(trpc.staffBilling.forceProvision.mutationOptions({ onSuccess }));
  if (billing.isPending) return <Loading />;
  if (billing.isError) return <ErrorState error={billing.error} onRetry={() => billing.refetch()} />;
  const { subscription: s, usage, provisioning } = billing.data;
  const messages = usage.meters.find((m) => m.key === 'messages');
  const last = [comp, removeComp, extend, force].find((m) => m.isError || m.isSuccess);
  return (
    <Card title={t('title')}>
      <p data-testid="staff-plan">{t('plan', { plan: s.plan.name, access: s.access })}</p>
      {s.stripeStatus && <p>{t('stripe', { status: s.stripeStatus })}</p>}
      {s.comp && (
        <p>
          {t('comp', { by: s.comp.by ?? '—', until: s.comp.until ? ` → ${formatDate(s.comp.until)}` : '' })}
        </p>
      )}
      {s.graceEndsAt && s.pausesAt && (
        <p>{t('grace', { date: formatDate(s.graceEndsAt), pauses: formatDate(s.pausesAt) })}</p>
      )}
      {messages && <p>{t('usage', { messages: messages.used })}</p>}
      <p>{t('provisioning', { step: provisioning.step })}</p>
      <TextField label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="form-row">
        <SelectField label={t('compPlan')} value={plan} onChange={(e) => setPlan(e.target.value as PlanId)}>
          {PLAN_IDS.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('compUntil')}
          type="date"
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
        <Button
          onClick={() =>
            comp.mutate({
              tenantId,
              plan,
              until: until ? new Date(`${until}T23:59:59Z`).toISOString() : null,
              reason,
            })
          }
        >
          {t('compPlan')}
        </Button>
        {s.comp && (
          <Button variant="secondary" onClick={() => removeComp.mutate({ tenantId, reason })}>
            {t('removeComp')}
          </Button>
        )}
      </div>
      <div className="form-row">
        <TextField
          label={t('days')}
          type="number"
          min={1}
          max={60}
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
        />
        <Button
          variant="secondary"
          disabled={!s.graceEndsAt}
          onClick={() => extend.mutate({ tenantId, days, reason })}
        >
          {t('extendGrace')}
        </Button>
        <Button variant="secondary" onClick={() => force.mutate({ tenantId, reason })}>
          {t('forceProvision')}
        </Button>
      </div>
      {last?.isSuccess && <Notice tone="success">{t('done')}</Notice>}
      <FormError error={last?.error} />
    </Card>
  );
}
