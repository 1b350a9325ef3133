import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { User } from '../user/user.entity.ts';

/**
 * A server-side login session; the cookie carries a random token whose SHA-256 is stored here.
 * An impersonation session is the same row with the impersonator and reason set: the tRPC
 * procedures see impersonation as a property of the session, not as a parallel API.
 */
export const AuthSessionSchema = defineEntity({
  name: 'AuthSession',
  properties: {
    id: idProperty(),
    tokenHash: p.string().length(64).unique(),
    user: () => p.manyToOne(User).mapToPk().index().deleteRule('cascade'),
    createdAt: createdAtProperty(),
    lastSeenAt: p.datetime(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(300).nullable(),
    impersonator: () => p.manyToOne(User).mapToPk().nullable().deleteRule('cascade'),
    impersonationTenant: () => p.manyToOne(Tenant).mapToPk().nullable().deleteRule('cascade'),
    impersonationReason: p.string().length(500).nullable(),
    impersonationTicket: p.string().length(100).nullable(),
    /** 'logout' | 'revoked' | 'exit' | 'expired' — set once when the session ends. */
    endedReason: p.string().length(20).nullable(),
  },
});
export class AuthSession extends AuthSessionSchema.class {}
AuthSessionSchema.setClass(AuthSession);
