import type { Em } from '../../db/orm.ts';
import { acrossTenants, forTenant } from '../../db/tenant-filter.ts';
import { AuditEvent } from './audit.entity.ts';

export interface AuditQuery {
  action?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  cursor?: Date | undefined;
  /** Keyset paging that survives equal timestamps: rows strictly after this one (createdAt, id desc). */
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

export class AuditRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  add(data: Partial<AuditEvent> & Pick<AuditEvent, 'action'>): AuditEvent {
    const row = this.em.create(AuditEvent, data as AuditEvent);
    this.em.persist(row);
    return row;
  }

  /** tenantId null = the global (staff) view over every tenant and platform events. */
  list(tenantId: string | null, q: AuditQuery): Promise<AuditEvent[]> {
    const where: Record<string, unknown> = {};
    if (q.action) where.action = { $like: `${q.action}%` };
    if (q.actor) where.actorEmail = { $ilike: `%${q.actor}%` };
    const createdAt: Record<string, Date> = {};
    if (q.from) createdAt.$gte = q.from;
    if (q.to) createdAt.$lte = q.to;
    if (q.cursor) createdAt.$lt = q.cursor;
    if (Object.keys(createdAt).length) where.createdAt = createdAt;
    if (q.after) {
      where.$or = [
        { createdAt: { $lt: q.after.createdAt } },
        { createdAt: q.after.createdAt, id: { $lt: q.after.id } },
      ];
    }
    const options = tenantId ? forTenant(tenantId) : acrossTenants;
    return this.em.find(AuditEvent, where, {
      ...options,
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: q.limit,
    });
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
