// Defence in depth for tenant isolation: every tenant-owned entity carries this default filter.
// A query that forgets to say which tenant fails loudly (MikroORM refuses a default filter without
// its argument); cross-tenant reads (staff console) must opt out with `filters: { tenant: false }`.
import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';

export const tenantFilter = {
  tenant: {
    name: 'tenant',
    default: true,
    cond: (args: { tenantId?: string }) => {
      if (!args?.tenantId) throw new Error('tenant filter: a tenant-owned query must name its tenant');
      return { tenant: args.tenantId };
    },
  },
};

/** Options fragment that scopes one query to a tenant. */
export function forTenant(tenantId: string) {
  return { filters: { tenant: { tenantId } } } as const;
}

/** Options fragment for the few cross-tenant reads (staff console, a user's own memberships). */
export const acrossTenants = { filters: { tenant: false } } as const;

export const idProperty = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => randomUUID());
export const createdAtProperty = () => p.datetime().onCreate(() => new Date());
