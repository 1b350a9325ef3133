import type { BudgetSettings } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  agentBudgetToForm,
  agentChoices,
  budgetChanges,
  budgetToForm,
  ZAgentBudgetForm,
  ZBudgetForm,
} from './budget-form.ts';

const saved: BudgetSettings = {
  monthlyLimitUsd: 50,
  dailyCapUsd: 2.5,
  downgradeBelowPercent: null,
  rpm: null,
  tpm: 200_000,
  alertWebhookUrl: null,
};

const blank = {
  monthlyLimitUsd: '',
  dailyCapUsd: '',
  downgradeBelowPercent: '',
  rpm: '',
  tpm: '',
  alertWebhookUrl: '',
};

describe('budget form mapping', () => {
  it('shows the saved settings as the visitor types numbers, empty for "none"', () => {
    expect(budgetToForm(saved, 'pt-BR')).toEqual({
      ...blank,
      monthlyLimitUsd: '50',
      dailyCapUsd: '2,5',
      tpm: '200000',
    });
    expect(budgetToForm(saved, 'en').dailyCapUsd).toBe('2.5');
  });

  it('reads decimal commas and points, and empty boxes as null', () => {
    const parsed = ZBudgetForm.parse({
      ...blank,
      monthlyLimitUsd: '120,75',
      dailyCapUsd: ' 4.5 ',
      downgradeBelowPercent: '15',
      alertWebhookUrl: ' https://hooks.padaria.test/colmeia ',
    });
    expect(parsed).toEqual({
      monthlyLimitUsd: 120.75,
      dailyCapUsd: 4.5,
      downgradeBelowPercent: 15,
      rpm: null,
      tpm: null,
      alertWebhookUrl: 'https://hooks.padaria.test/colmeia',
    });
  });

  it('refuses what the server would refuse, on the field it belongs to', () => {
    const result = ZBudgetForm.safeParse({
      ...blank,
      monthlyLimitUsd: '1.234,56',
      dailyCapUsd: '2000000',
      downgradeBelowPercent: '100',
      rpm: '1.5',
      alertWebhookUrl: 'not a url',
    });
    expect(result.success).toBe(false);
    const fields = Object.keys(z.flattenError(result.error!).fieldErrors).sort();
    expect(fields).toEqual([
      'alertWebhookUrl',
      'dailyCapUsd',
      'downgradeBelowPercent',
      'monthlyLimitUsd',
      'rpm',
    ]);
    expect(z.flattenError(result.error!).fieldErrors.monthlyLimitUsd).toEqual(['Enter a number']);
    expect(z.flattenError(result.error!).fieldErrors.dailyCapUsd).toEqual(['At most 1,000,000']);
  });

  it('sends only what changed, including a setting cleared to "none"', () => {
    const edited = ZBudgetForm.parse({
      ...budgetToForm(saved, 'en'),
      dailyCapUsd: '',
      downgradeBelowPercent: '10',
    });
    expect(budgetChanges(saved, edited)).toEqual({ dailyCapUsd: null, downgradeBelowPercent: 10 });
    expect(budgetChanges(saved, ZBudgetForm.parse(budgetToForm(saved, 'pt-BR')))).toEqual({});
  });
});

describe('agent budget form', () => {
  const agentId = '0f8a4b7e-3c1d-4e5f-9a2b-6c7d8e9f0a1b/vendas';

  it('maps an agent budget to text boxes and back to the server input', () => {
    const values = agentBudgetToForm({ agentId, monthlyLimitUsd: 7.5, rpm: null, tpm: 50_000 }, 'pt-BR');
    expect(values).toEqual({ agentId, monthlyLimitUsd: '7,5', rpm: '', tpm: '50000' });
    expect(ZAgentBudgetForm.parse(values)).toEqual({ agentId, monthlyLimitUsd: 7.5, rpm: null, tpm: 50_000 });
  });

  it('asks for an agent before anything else', () => {
    const result = ZAgentBudgetForm.safeParse({ agentId: '', monthlyLimitUsd: '', rpm: '', tpm: '' });
    expect(z.flattenError(result.error!).fieldErrors.agentId).toEqual(['Required']);
  });

  it('offers the agents with a budget and those that made calls, once each', () => {
    expect(agentChoices([{ agentId: 'a' }], [{ key: 'b' }, { key: null }, { key: 'a' }])).toEqual(['a', 'b']);
  });
});
