import type { BotConfig } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

/**
 * One saved configuration of a bot. Versions are never edited: a save, a restore and an automatic
 * rollback each add one, so the history says who changed what and when. The newest is in force.
 */
export const BotConfigVersionSchema = defineEntity({
  name: 'BotConfigVersion',
  filters: tenantFilter,
  uniques: [{ properties: ['bot', 'version'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().index().deleteRule('cascade'),
    bot: () => p.manyToOne(Bot).mapToPk().deleteRule('cascade'),
    version: p.integer(),
    config: p.json<BotConfig>(),
    /** How it came to be: a person's save, a restore of an older version, or an automatic rollback. */
    kind: p.enum(['save', 'restore', 'rollback', 'import'] as const).default('save'),
    restoredFrom: p.integer().nullable(),
    note: p.string().length(300).nullable(),
    authorId: p.uuid().nullable(),
    authorEmail: p.string().length(254).nullable(),
    createdAt: createdAtProperty(),
  },
});
export class BotConfigVersion extends BotConfigVersionSchema.class {}
BotConfigVersionSchema.setClass(BotConfigVersion);
