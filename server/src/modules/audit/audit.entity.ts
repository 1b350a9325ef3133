import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

/**
 * One audited event. `actor` did it; `subject` is whom it was done as or to (while impersonating,
 * actor = staff and subject = the tenant user). Emails are snapshotted so rows stay readable after
 * a user is deleted. Platform events (a staff login) have no tenant.
 */
export const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  filters: tenantFilter,
  indexes: [{ properties: ['tenant', 'createdAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().nullable().deleteRule('cascade'),
    action: p.string().length(80).index(),
    actorId: p.uuid().nullable(),
    actorEmail: p.string().length(254).nullable(),
    subjectId: p.uuid().nullable(),
    subjectEmail: p.string().length(254).nullable(),
    /** What was acted on, e.g. 'membership:<id>' or 'trpc:member.updateRole'. */
    target: p.string().length(200).nullable(),
    details: p.json<Record<string, unknown>>().nullable(),
    ip: p.string().length(64).nullable(),
    via: p.enum(['direct', 'impersonation', 'system'] as const).default('direct'),
    createdAt: createdAtProperty().index(),
  },
});
export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent);
