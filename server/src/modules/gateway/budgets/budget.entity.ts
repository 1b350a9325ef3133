import { defineEntity, p } from '@mikro-orm/core';
import { idProperty, tenantFilter } from '../../../db/tenant-filter.ts';
import { Tenant } from '../../tenant/tenant.entity.ts';

/**
 * A workspace's gateway policy: scope 'workspace' holds the workspace budget, caps, limits and
 * alert webhook; scope 'agent:<id>' an agent's own monthly limit and rates. Money in nano-USD.
 */
export const BudgetSchema = defineEntity({
  name: 'Budget',
  filters: tenantFilter,
  uniques: [{ properties: ['tenant', 'scope'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    scope: p.string().length(80),
    agentId: p.string().length(80).nullable(),
    monthlyLimitNano: p.bigint('number').nullable(),
    dailyCapNano: p.bigint('number').nullable(),
    downgradeBelowPercent: p.integer().nullable(),
    rpm: p.integer().nullable(),
    tpm: p.integer().nullable(),
    alertWebhookUrl: p.string().length(500).nullable(),
    /** HMAC key for the webhook, sealed like provider secrets. */
    webhookSecretSealed: p.text().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Budget extends BudgetSchema.class {}
BudgetSchema.setClass(Budget);
