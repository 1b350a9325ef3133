// The workspace's budget settings: monthly budget, daily cap, downgrade threshold, rate limits and
// the alert webhook. Only changed fields are sent; the server's field errors land on their field.
// Saving a first webhook URL creates its signing secret, shown here once.
import type { Budget } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SecretOnce } from '../../ui/secret-once.tsx';
import { Button, Card, FormError, Notice, TextField } from '../../ui/ui.tsx';
import { budgetChanges, budgetToForm, ZBudgetForm } from './budget-form.ts';
import { formatPercent } from './money.ts';
import './costs.css';
import './costs.i18n.ts';

export function BudgetSettingsCard({ budget, canManage }: { budget: Budget; canManage: boolean }) {
  const { t, i18n } = useTranslation('costs');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZBudgetForm), defaultValues: budgetToForm(budget) });
  const update = useMutation(
    trpc.gateway.budget.update.mutationOptions({
      onSuccess: async (result) => {
        setSaved(true);
        setSecret(result.webhookSecret);
        queryClient.setQueryData(trpc.gateway.budget.get.queryKey(), result.budget);
        form.reset(budgetToForm(result.budget));
        await queryClient.invalidateQueries({ queryKey: trpc.gateway.costs.queryKey() });
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const { errors } = form.formState;
  // The platform default is only known while the workspace has no limit of its own.
  const limitHint = (own: number | null, effective: number) =>
    own === null ? t('defaultLimit', { value: formatNumber(effective) }) : t('defaultLimitPlain');
  const hasFieldError = Object.keys(errors).length > 0;
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    budget.thresholdsPercent.map((p) => formatPercent(p)),
  );

  return (
    <Card title={t('settingsTitle')}>
      {!canManage && <Notice tone="warning">{t('cannotManage')}</Notice>}
      <form
        noValidate
        aria-label={t('settingsForm')}
        onSubmit={form.handleSubmit((values) => {
          setSaved(false);
          update.mutate(budgetChanges(budget, values));
        })}
      >
        <fieldset disabled={!canManage} className="plain-fieldset">
          <div className="form-grid">
            <TextField
              label={t('monthlyLimit')}
              inputMode="decimal"
              hint={t('monthlyLimitHint')}
              error={errors.monthlyLimitUsd?.message}
              {...form.register('monthlyLimitUsd')}
            />
            <TextField
              label={t('dailyCap')}
              inputMode="decimal"
              hint={t('dailyCapHint')}
              error={errors.dailyCapUsd?.message}
              {...form.register('dailyCapUsd')}
            />
            <TextField
              label={t('downgradeBelow')}
              inputMode="numeric"
              hint={t('downgradeBelowHint')}
              error={errors.downgradeBelowPercent?.message}
              {...form.register('downgradeBelowPercent')}
            />
          </div>
          <div className="form-grid">
            <TextField
              label={t('rpm')}
              inputMode="numeric"
              hint={limitHint(budget.rpm, budget.effectiveRpm)}
              error={errors.rpm?.message}
              {...form.register('rpm')}
            />
            <TextField
              label={t('tpm')}
              inputMode="numeric"
              hint={limitHint(budget.tpm, budget.effectiveTpm)}
              error={errors.tpm?.message}
              {...form.register('tpm')}
            />
          </div>
          <TextField
            label={t('alertWebhook')}
            type="url"
            inputMode="url"
            placeholder="https://"
            hint={t('alertWebhookHint')}
            error={errors.alertWebhookUrl?.message}
            {...form.register('alertWebhookUrl')}
          />
          <p className="muted small">{t('thresholdsInfo', { list })}</p>
          <FormError error={update.error && !hasFieldError ? update.error : null} />
          {saved && <Notice tone="success">{t('saved')}</Notice>}
          <Button type="submit" disabled={!canManage || update.isPending}>
            {t('saveBudget')}
          </Button>
        </fieldset>
      </form>
      {secret && (
        <SecretOnce label={t('webhookSecretCreated')} secret={secret} warning={t('webhookSecretWarning')} />
      )}
    </Card>
  );
}
