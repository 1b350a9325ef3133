// Budgets of single agents: a monthly limit and rate limits of their own, inside the workspace's.
// Agents are named by id until the bots screens exist; the ones offered are those with a budget
// already and those that made calls this month (gateway.costs byAgent).
import type { Budget } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button, Card, FormError, SelectField, TextField } from '../../ui/ui.tsx';
import { Modal } from '../workspace/modal.tsx';
import {
  type AgentBudgetFormValues,
  agentBudgetToForm,
  agentChoices,
  ZAgentBudgetForm,
} from './budget-form.ts';
import { formatUsd } from './money.ts';
import './costs.i18n.ts';

type Editing = { agentId: string | null } | null;

export function AgentBudgetsCard({ budget, canManage }: { budget: Budget; canManage: boolean }) {
  const { t } = useTranslation('costs');
  const trpc = useTRPC();
  const costs = useQuery(trpc.gateway.costs.queryOptions({}));
  const [editing, setEditing] = useState<Editing>(null);
  const choices = agentChoices(budget.agents, costs.data?.byAgent ?? []);
  const limit = (v: number | null, format: (n: number) => string) =>
    v === null ? t('platformDefault') : format(v);

  return (
    <Card
      title={t('agentsTitle')}
      actions={
        <Button
          variant="secondary"
          disabled={!canManage || choices.length === 0}
          title={canManage ? undefined : t('common:forbidden')}
          onClick={() => setEditing({ agentId: null })}
        >
          {t('setAgentBudget')}
        </Button>
      }
    >
      {budget.agents.length === 0 ? (
        <p className="muted">{t('agentsEmpty')}</p>
      ) : (
        <DataTable
          label={t('agentsTable')}
          columns={[t('agent'), t('limit'), t('spent'), t('rpm'), t('tpm'), t('actions')]}
          items={budget.agents.map((a) => ({ ...a, id: a.agentId }))}
          row={(a) => (
            <>
              <td>
                <code>{a.agentId}</code>
              </td>
              <td className="num">{a.monthlyLimitUsd === null ? t('none') : formatUsd(a.monthlyLimitUsd)}</td>
              <td className="num">{formatUsd(a.spentUsd)}</td>
              <td className="num">{limit(a.rpm, formatNumber)}</td>
              <td className="num">{limit(a.tpm, formatNumber)}</td>
              <td>
                <Button
                  variant="secondary"
                  disabled={!canManage}
                  aria-label={t('editAgentBudget', { agent: a.agentId })}
                  onClick={() => setEditing({ agentId: a.agentId })}
                >
                  {t('edit')}
                </Button>
              </td>
            </>
          )}
        />
      )}
      <p className="muted small">{t('agentsHint')}</p>
      <Modal open={editing !== null} title={t('agentBudgetTitle')} onClose={() => setEditing(null)}>
        {editing && (
          <AgentBudgetForm
            initial={agentBudgetToForm(
              budget.agents.find((a) => a.agentId === editing.agentId) ?? {
                agentId: editing.agentId ?? '',
                monthlyLimitUsd: null,
                rpm: null,
                tpm: null,
              },
            )}
            choices={editing.agentId ? [editing.agentId] : choices}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Card>
  );
}

function AgentBudgetForm(props: { initial: AgentBudgetFormValues; choices: string[]; onDone: () => void }) {
  const { t } = useTranslation('costs');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(ZAgentBudgetForm), defaultValues: props.initial });
  const save = useMutation(
    trpc.gateway.budget.setAgent.mutationOptions({
      onSuccess: (budget) => {
        queryClient.setQueryData(trpc.gateway.budget.get.queryKey(), budget);
        props.onDone();
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const { errors } = form.formState;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => save.mutate(values))}>
      <SelectField label={t('agent')} error={errors.agentId?.message} {...form.register('agentId')}>
        {props.choices.length > 1 && <option value="">—</option>}
        {props.choices.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('agentLimit')}
        inputMode="decimal"
        error={errors.monthlyLimitUsd?.message}
        {...form.register('monthlyLimitUsd')}
      />
      <TextField label={t('rpm')} inputMode="numeric" error={errors.rpm?.message} {...form.register('rpm')} />
      <TextField label={t('tpm')} inputMode="numeric" error={errors.tpm?.message} {...form.register('tpm')} />
      <FormError error={save.error && Object.keys(errors).length === 0 ? save.error : null} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={props.onDone}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {t('common:save')}
        </Button>
      </div>
    </form>
  );
}
