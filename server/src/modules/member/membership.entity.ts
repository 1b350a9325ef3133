import { ROLES } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { User } from '../user/user.entity.ts';

export const MembershipSchema = defineEntity({
  name: 'Membership',
  filters: tenantFilter,
  uniques: [{ properties: ['tenant', 'user'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    user: () => p.manyToOne(User).mapToPk().index().deleteRule('cascade'),
    role: p.enum(ROLES),
    createdAt: createdAtProperty(),
  },
});
export class Membership extends MembershipSchema.class {}
MembershipSchema.setClass(Membership);
