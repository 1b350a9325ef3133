import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty } from '../../db/tenant-filter.ts';

/** A workspace: one small business. Everything tenant-owned points here. */
export const TenantSchema = defineEntity({
  name: 'Tenant',
  properties: {
    id: idProperty(),
    name: p.string().length(80),
    createdAt: createdAtProperty(),
  },
});
export class Tenant extends TenantSchema.class {}
TenantSchema.setClass(Tenant);
