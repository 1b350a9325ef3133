import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

/**
 * A Cloud API bot's number: which Meta phone number it is and the credentials to serve it. The
 * access token and the app secret are sealed with the gateway's SecretBox; only hints stay in
 * clear. The verify token is kept in clear on purpose: it only gates Meta's subscription handshake
 * and the tenant must be able to read it again to paste it into Meta's dashboard.
 */
export const CloudSettingsSchema = defineEntity({
  name: 'CloudSettings',
  filters: tenantFilter,
  uniques: [{ properties: ['bot'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().index().deleteRule('cascade'),
    bot: () => p.manyToOne(Bot).mapToPk().deleteRule('cascade'),
    phoneNumberId: p.string().length(30).nullable(),
    wabaId: p.string().length(30).nullable(),
    graphBaseUrl: p.string().length(300),
    verifyToken: p.string().length(64),
    accessTokenSealed: p.text().nullable(),
    accessTokenHint: p.string().length(16).nullable(),
    appSecretSealed: p.text().nullable(),
    appSecretHint: p.string().length(16).nullable(),
    /** Set when Meta answers 190 (token expired or revoked); cleared by saving a new token. */
    tokenInvalidAt: p.datetime().nullable(),
    tokenError: p.string().length(500).nullable(),
    verifiedAt: p.datetime().nullable(),
    lastWebhookAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class CloudSettings extends CloudSettingsSchema.class {}
CloudSettingsSchema.setClass(CloudSettings);
