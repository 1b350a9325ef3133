import { ALERT_KINDS } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../../db/tenant-filter.ts';
import { Tenant } from '../../tenant/tenant.entity.ts';

/**
 * A budget alert. The unique key (tenant, kind, scope, period, threshold) is what makes an alert
 * fire exactly once per period, whichever server instance sees the crossing first.
 */
export const BudgetAlertSchema = defineEntity({
  name: 'BudgetAlert',
  filters: tenantFilter,
  uniques: [{ properties: ['tenant', 'kind', 'scope', 'period', 'threshold'] }],
  indexes: [{ properties: ['tenant', 'createdAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    kind: p.enum(ALERT_KINDS),
    scope: p.string().length(80),
    agentId: p.string().length(80).nullable(),
    period: p.string().length(10),
    /** % of the budget left that was crossed; 0 for a daily cap. */
    threshold: p.integer(),
    limitNano: p.bigint('number'),
    spentNano: p.bigint('number'),
    createdAt: createdAtProperty(),
    acknowledgedAt: p.datetime().nullable(),
    acknowledgedByEmail: p.string().length(254).nullable(),
  },
});
export class BudgetAlert extends BudgetAlertSchema.class {}
BudgetAlertSchema.setClass(BudgetAlert);
