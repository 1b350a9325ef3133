import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

/**
 * A bot: one WhatsApp number of a workspace. Its id is also the session key on the bot host, so
 * each number gets its own volume and browser profile. Configuration (agents, policies) hangs here.
 */
export const BotSchema = defineEntity({
  name: 'Bot',
  filters: tenantFilter,
  indexes: [{ properties: ['tenant', 'createdAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    name: p.string().length(60),
    /** `web`: a phone linked by QR on a bot host; `cloud`: a number on Meta's Cloud API (modules/cloud). */
    channel: p.enum(['web', 'cloud'] as const).default('web'),
    createdAt: createdAtProperty(),
  },
});
export class Bot extends BotSchema.class {}
BotSchema.setClass(Bot);
