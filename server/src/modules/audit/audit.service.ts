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
}
