import { DISCONNECT_REASONS, LINK_STATES } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilter } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

/**
 * The server's record of a bot's WhatsApp session: where it runs and what the host last reported.
 * Host events update it (exactly once, through the inbox); the SPA reads it live.
 */
export const WaSessionSchema = defineEntity({
  name: 'WaSession',
  filters: tenantFilter,
  indexes: [{ properties: ['hostId'] }],
  properties: {
    bot: () => p.oneToOne(Bot).primary().mapToPk().deleteRule('cascade'),
    tenant: () => p.manyToOne(Tenant).mapToPk().index().deleteRule('cascade'),
    hostId: p.string().length(100).nullable(),
    /** What a person asked for: `running` sessions are kept alive, `stopped` ones left alone. */
    desired: p.enum(['running', 'stopped'] as const).default('stopped'),
    state: p.enum(LINK_STATES).default('new'),
    waState: p.string().length(40).nullable(),
    wid: p.string().length(100).nullable(),
    number: p.string().length(20).nullable(),
    profileName: p.string().length(100).nullable(),
    /** The latest QR as a PNG data URL, while the session waits for a scan. */
    qrDataUrl: p.text().nullable(),
    qrAttempt: p.integer().default(0),
    lastQrAt: p.datetime().nullable(),
    pairingCode: p.string().length(16).nullable(),
    pairingPhone: p.string().length(15).nullable(),
    lastReason: p.enum(DISCONNECT_REASONS).nullable(),
    lastError: p.string().length(500).nullable(),
    restarts: p.integer().default(0),
    /** Time of the newest lifecycle event applied: older ones arriving late are ignored. */
    lastEventAt: p.datetime().nullable(),
    readyAt: p.datetime().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class WaSession extends WaSessionSchema.class {}
WaSessionSchema.setClass(WaSession);
