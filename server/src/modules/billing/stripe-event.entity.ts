import { defineEntity, p } from '@mikro-orm/core';

/**
 * The inbox of Stripe webhook events: the row is inserted in the same transaction as the event's
 * effect, so a repeated delivery finds it and changes nothing (Stripe retries for days).
 */
export const StripeEventSchema = defineEntity({
  name: 'StripeEvent',
  indexes: [{ properties: ['tenant', 'receivedAt'] }],
  properties: {
    id: p.string().length(100).primary(),
    type: p.string().length(100),
    /** The workspace it concerned, when known (kept as a plain id: events outlive workspaces). */
    tenant: p.uuid().nullable(),
    /** Stripe's `created`, seconds since the epoch. */
    created: p.bigint('number'),
    outcome: p.string().length(200),
    receivedAt: p.datetime().onCreate(() => new Date()),
  },
});
export class StripeEvent extends StripeEventSchema.class {}
StripeEventSchema.setClass(StripeEvent);
