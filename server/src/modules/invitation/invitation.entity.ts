import { ROLES } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { User } from '../user/user.entity.ts';

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;

export const InvitationSchema = defineEntity({
  name: 'Invitation',
  filters: tenantFilter,
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().index().deleteRule('cascade'),
    email: p.string().length(254).index(),
    role: p.enum(ROLES),
    tokenHash: p.string().length(64).unique(),
    invitedBy: () => p.manyToOne(User).mapToPk().nullable().deleteRule('set null'),
    status: p.enum(INVITATION_STATUSES).default('pending'),
    expiresAt: p.datetime(),
    respondedAt: p.datetime().nullable(),
    createdAt: createdAtProperty(),
  },
});
export class Invitation extends InvitationSchema.class {}
InvitationSchema.setClass(Invitation);
