import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../../db/tenant-filter.ts';
import { Tenant } from '../../tenant/tenant.entity.ts';
import { User } from '../../user/user.entity.ts';

/** A workspace's key for POST /v1/messages. Only its SHA-256 is stored; the key is shown once. */
export const ApiKeySchema = defineEntity({
  name: 'ApiKey',
  filters: tenantFilter,
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().index().deleteRule('cascade'),
    name: p.string().length(60),
    prefix: p.string().length(16),
    last4: p.string().length(4),
    keyHash: p.string().length(64).unique(),
    createdBy: () => p.manyToOne(User).mapToPk().nullable().deleteRule('set null'),
    createdByEmail: p.string().length(254).nullable(),
    createdAt: createdAtProperty(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export class ApiKey extends ApiKeySchema.class {}
ApiKeySchema.setClass(ApiKey);
