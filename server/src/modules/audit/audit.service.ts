import type { WorkspaceAuditEvent } from '@colmeia/shared';
import { decodeCursor, encodeCursor } from '../../db/cursor.ts';
import { AppError } from '../../errors.ts';
import type { AuditEvent } from './audit.entity.ts';
import type { AuditQuery, AuditRepository } from './audit.repository.ts';

/** Who did something, as the request context knows it. */
export interface Actor {
  userId: string | null;
  email: string | null;
  ip: string | null;
  /** Set while a staff member acts as a tenant user: the staff member becomes the actor. */
  impersonator?: { userId: string; email: string } | null;
}

export interface AuditEntry {
  action: string;
  tenantId?: string | null;
  target?: string | null;
  details?: Record<string, unknown> | null;
  via?: 'direct' | 'impersonation' | 'system';
}

export class AuditService {
  private readonly audit: AuditRepository;
  constructor(audit: AuditRepository) {
    this.audit = audit;
  }

  /** Records an event; flushes it so it survives even when the caller's work later fails. */
  async record(actor: Actor | null, entry: AuditEntry): Promise<AuditEvent> {
    const impersonating = Boolean(actor?.impersonator);
    const row = this.audit.add({
      action: entry.action,
      tenant: entry.tenantId ?? null,
      actorId: impersonating ? actor!.impersonator!.userId : (actor?.userId ?? null),
      actorEmail: impersonating ? actor!.impersonator!.email : (actor?.email ?? null),
      subjectId: impersonating ? actor!.userId : null,
      subjectEmail: impersonating ? actor!.email : null,
      target: entry.target ?? null,
      details: entry.details ?? null,
      ip: actor?.ip ?? null,
      via: entry.via ?? (impersonating ? 'impersonation' : actor ? 'direct' : 'system'),
    });
    await this.audit.flush();
    return row;
  }

  list(tenantId: string | null, query: AuditQuery): Promise<AuditEvent[]> {
    return this.audit.list(tenantId, query);
  }

  /** One page of a workspace's log, newest first (audit.list). */
  async page(
    tenantId: string,
    q: AuditPageQuery,
  ): Promise<{ items: WorkspaceAuditEvent[]; nextCursor: string | null }> {
    const rows = await this.audit.list(tenantId, {
      action: q.action || undefined,
      actor: q.actor || undefined,
      from: q.from ? parseBound(q.from, 'from') : undefined,
      to: q.to ? parseBound(q.to, 'to') : undefined,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return {
      items: items.map(toWorkspaceRow),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  }
}

export interface AuditPageQuery {
  action?: string | undefined;
  actor?: string | undefined;
  /** ISO date-time, or a bare date (a `to` date covers that whole day, UTC). */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

function toWorkspaceRow(e: AuditEvent): WorkspaceAuditEvent {
  return {
    id: e.id,
    action: e.action,
    actorEmail: e.actorEmail ?? null,
    subjectEmail: e.subjectEmail ?? null,
    via: e.via,
    target: e.target ?? null,
    details: e.details ?? null,
    ip: e.ip ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

function parseBound(value: string, which: 'from' | 'to'): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T${which === 'to' ? '23:59:59.999' : '00:00:00.000'}Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw new AppError('BAD_REQUEST', 'Invalid date.', { fields: { [which]: ['Invalid date'] } });
  }
  return date;
}

// Kept importable from here: the audit log was their first user.
export { decodeCursor, encodeCursor };
