import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

/**
 * DM pairing (policy `pairing`): an unknown sender gets a code; an owner approves it in the SPA and
 * the number may talk to the bot from then on. Codes expire after an hour, as in OpenClaw.
 */
export const PairingRequestSchema = defineEntity({
  name: 'PairingRequest',
  filters: tenantFilter,
  indexes: [{ properties: ['bot', 'phone'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().index().deleteRule('cascade'),
    bot: () => p.manyToOne(Bot).mapToPk().deleteRule('cascade'),
    phone: p.string().length(20),
    name: p.string().length(120).nullable(),
    code: p.string().length(12),
    status: p.enum(['pending', 'approved', 'rejected'] as const).default('pending'),
    expiresAt: p.datetime(),
    decidedAt: p.datetime().nullable(),
    decidedByEmail: p.string().length(254).nullable(),
    createdAt: createdAtProperty(),
  },
});
export class PairingRequest extends PairingRequestSchema.class {}
PairingRequestSchema.setClass(PairingRequest);
