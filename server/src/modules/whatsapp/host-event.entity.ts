import { defineEntity, p } from '@mikro-orm/core';

/**
 * Inbox of host events already applied, keyed by the event's deterministic id. Inserted in the same
 * transaction as the event's effect, so a redelivered job changes nothing twice.
 */
export const HostEventSchema = defineEntity({
  name: 'HostEvent',
  properties: {
    id: p.string().length(400).primary(),
    type: p.string().length(40),
    botId: p.uuid().index(),
    processedAt: p.datetime().onCreate(() => new Date()),
  },
});
export class HostEvent extends HostEventSchema.class {}
HostEventSchema.setClass(HostEvent);
