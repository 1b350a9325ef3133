import { defineEntity, p } from '@mikro-orm/core';

/** A bot host in the registry, as its latest heartbeat described it (platform-wide, not tenant-owned). */
export const BotHostSchema = defineEntity({
  name: 'BotHost',
  properties: {
    id: p.string().length(100).primary(),
    url: p.string().length(300),
    status: p.enum(['ok', 'degraded', 'shutting_down'] as const),
    version: p.string().length(40),
    capacity: p.integer(),
    sessions: p.integer(),
    workers: p.integer(),
    totalBytes: p.bigint('number'),
    freeBytes: p.bigint('number'),
    usedBySessionsBytes: p.bigint('number'),
    uptimeSeconds: p.integer(),
    firstSeenAt: p.datetime().onCreate(() => new Date()),
    lastHeartbeatAt: p.datetime(),
  },
});
export class BotHost extends BotHostSchema.class {}
BotHostSchema.setClass(BotHost);
