import { WEBHOOK_DELIVERY_STATUSES } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';

/**
 * One event on its way to one endpoint, and the outcome of its last attempt. The unique
 * (endpoint, eventId) key is what delivers an event once per endpoint however often it is emitted.
 */
export const WebhookDeliverySchema = defineEntity({
  name: 'WebhookDelivery',
  filters: tenantFilter,
  uniques: [{ properties: ['endpoint', 'eventId'] }],
  indexes: [{ properties: ['tenant', 'createdAt'] }, { properties: ['endpoint', 'createdAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    endpoint: () => p.manyToOne(WebhookEndpoint).mapToPk().deleteRule('cascade'),
    eventId: p.string().length(200),
    eventType: p.string().length(60),
    /** The JSON body as sent: { id, type, createdAt, tenantId, data }. */
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(WEBHOOK_DELIVERY_STATUSES).default('pending'),
    attempts: p.integer().default(0),
    lastStatusCode: p.integer().nullable(),
    lastError: p.string().length(500).nullable(),
    /** The first 500 characters of the receiver's last answer. */
    responseSnippet: p.string().length(500).nullable(),
    nextAttemptAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
    deliveredAt: p.datetime().nullable(),
  },
});
export class WebhookDelivery extends WebhookDeliverySchema.class {}
WebhookDeliverySchema.setClass(WebhookDelivery);
