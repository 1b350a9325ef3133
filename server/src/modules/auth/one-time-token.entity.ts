import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from '../../db/tenant-filter.ts';
import { User } from '../user/user.entity.ts';

export const TOKEN_PURPOSES = [
  'verify_email',
  'magic_link',
  'password_reset',
  'impersonation_handoff',
] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** Single-use, short-lived tokens sent by e-mail or handed to the browser; only their hash is kept. */
export const OneTimeTokenSchema = defineEntity({
  name: 'OneTimeToken',
  properties: {
    id: idProperty(),
    tokenHash: p.string().length(64).unique(),
    purpose: p.enum(TOKEN_PURPOSES),
    user: () => p.manyToOne(User).mapToPk().index().deleteRule('cascade'),
    data: p.json<Record<string, unknown>>().nullable(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
});
export class OneTimeToken extends OneTimeTokenSchema.class {}
OneTimeTokenSchema.setClass(OneTimeToken);
