import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { User } from '../user/user.entity.ts';

/**
 * Where a workspace wants its events POSTed. The signing secret is sealed with the gateway's
 * SecretBox (AES-GCM, rotating keys); only its last characters are kept in clear for the SPA.
 */
export const WebhookEndpointSchema = defineEntity({
  name: 'WebhookEndpoint',
  filters: tenantFilter,
  indexes: [{ properties: ['tenant', 'createdAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    url: p.string().length(2000),
    description: p.string().length(200).default(''),
    /** Subscribed event types, or ['*'] for all. */
    events: p.array(),
    secretSealed: p.text(),
    secretHint: p.string().length(16),
    enabled: p.boolean().default(true),
    createdAt: createdAtProperty(),
    createdBy: () => p.manyToOne(User).mapToPk().nullable().deleteRule('set null'),
    createdByEmail: p.string().length(254).nullable(),
  },
});
export class WebhookEndpoint extends WebhookEndpointSchema.class {}
WebhookEndpointSchema.setClass(WebhookEndpoint);
