import { DEFAULT_PLANS } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import type { Entitlement } from '../billing/entitlements.ts';
import { planGate, SIGNATURE } from './plan-gate.ts';

const entitlement = (over: Partial<Entitlement> = {}): Entitlement => ({
  tenantId: 't1',
  plan: DEFAULT_PLANS.starter,
  access: 'active',
  allowedModels: ['claude-haiku-4-5'],
  answering: true,
  readOnly: false,
  ...over,
});

function fakeQuota(left: number) {
  const calls: string[] = [];
  return {
    calls,
    take: async () => {
      calls.push('take');
      return left-- > 0;
    },
    giveBack: async () => {
      calls.push('giveBack');
    },
  };
}
const now = new Date();

describe('plan gate', () => {
  it('stops paused bots before touching the allowance', async () => {
    const quota = fakeQuota(5);
    const gate = planGate(entitlement({ answering: false }), quota, { now, counted: true });
    expect(await gate.admit()).toBe('billing.paused');
    expect(quota.calls).toEqual([]);
  });

  it('takes one message per reply, refuses past the allowance and refunds only what it took', async () => {
    const quota = fakeQuota(1);
    const first = planGate(entitlement(), quota, { now, counted: true });
    expect(await first.admit()).toBeNull();
    await first.refund();
    await first.refund();
    const second = planGate(entitlement(), quota, { now, counted: true });
    expect(await second.admit()).toBe('plan.message_quota');
    await second.refund();
    expect(quota.calls).toEqual(['take', 'giveBack', 'take']);
  });

  it('never counts the sandbox, runs agents on allowed models and signs free-plan replies', async () => {
    const quota = fakeQuota(0);
    const gate = planGate(entitlement(), quota, { now, counted: false });
    expect(await gate.admit()).toBeNull();
    expect(gate.model('claude-opus-4-8')).toBe('claude-haiku-4-5');
    expect(gate.sign('Oi')).toBe(`Oi${SIGNATURE}`);
    const pro = planGate(entitlement({ plan: DEFAULT_PLANS.pro }), quota, { now, counted: false });
    expect(pro.sign('Oi')).toBe('Oi');
  });
});
