// The only code of the webhooks slice that touches MikroORM: endpoints and their delivery log, each
// query naming its tenant (the default tenant filter refuses one that does not).
import { randomUUID } from 'node:crypto';
import type { WebhookDeliveryStatus } from '@colmeia/shared';
import type { Em } from '../../db/orm.ts';
import { forTenant } from '../../db/tenant-filter.ts';
import { WebhookDelivery } from './webhook-delivery.entity.ts';
import { WebhookEndpoint } from './webhook-endpoint.entity.ts';

export interface NewDelivery {
  tenant: string;
  endpoint: string;
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** A delivery as the log lists it, without its payload. */
export type DeliveryListRow = Pick<
  WebhookDelivery,
  | 'id'
  | 'endpoint'
  | 'eventId'
  | 'eventType'
  | 'status'
  | 'attempts'
  | 'lastStatusCode'
  | 'lastError'
  | 'nextAttemptAt'
  | 'createdAt'
  | 'deliveredAt'
>;

export interface DeliveryQuery {
  endpointId?: string | undefined;
  status?: WebhookDeliveryStatus | undefined;
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

export class WebhookRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  listEndpoints(tenantId: string): Promise<WebhookEndpoint[]> {
    return this.em.find(
      WebhookEndpoint,
      { tenant: tenantId },
      { ...forTenant(tenantId), orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  countEndpoints(tenantId: string): Promise<number> {
    return this.em.count(WebhookEndpoint, { tenant: tenantId }, forTenant(tenantId));
  }

  findEndpoint(tenantId: string, id: string): Promise<WebhookEndpoint | null> {
    return this.em.findOne(WebhookEndpoint, { id, tenant: tenantId }, forTenant(tenantId));
  }

  createEndpoint(
    data: Pick<
      WebhookEndpoint,
      | 'tenant'
      | 'url'
      | 'description'
      | 'events'
      | 'secretSealed'
      | 'secretHint'
      | 'createdBy'
      | 'createdByEmail'
    >,
  ): WebhookEndpoint {
    const row = this.em.create(WebhookEndpoint, { ...data, enabled: true });
    this.em.persist(row);
    return row;
  }

  removeEndpoint(row: WebhookEndpoint): void {
    this.em.remove(row);
  }

  /**
   * Records a delivery unless this endpoint already has one for the event; either way returns the
   * row's id and status. The unique key decides between emitters racing with the same event.
   */
  async insertDeliveryOnce(d: NewDelivery): Promise<{ id: string; status: WebhookDeliveryStatus }> {
    const inserted = (await this.em.getConnection().execute(
      `insert into webhook_delivery (id, tenant_id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at)
       values (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
       on conflict (endpoint_id, event_id) do nothing returning id`,
      [
        randomUUID(),
        d.tenant,
        d.endpoint,
        d.eventId,
        d.eventType,
        JSON.stringify(d.payload),
        d.createdAt,
        d.createdAt,
      ],
    )) as { id: string }[];
    if (inserted[0]) return { id: inserted[0].id, status: 'pending' };
    const existing = await this.em.findOneOrFail(
      WebhookDelivery,
      { tenant: d.tenant, endpoint: d.endpoint, eventId: d.eventId },
      { ...forTenant(d.tenant), fields: ['id', 'status'] },
    );
    return { id: existing.id, status: existing.status };
  }

  findDelivery(tenantId: string, id: string): Promise<WebhookDelivery | null> {
    return this.em.findOne(WebhookDelivery, { id, tenant: tenantId }, forTenant(tenantId));
  }

  /** Newest first, keyset-paged on (createdAt, id). */
  deliveries(tenantId: string, q: DeliveryQuery): Promise<DeliveryListRow[]> {
    const where: Record<string, unknown> = { tenant: tenantId };
    if (q.endpointId) where.endpoint = q.endpointId;
    if (q.status) where.status = q.status;
    if (q.after) {
      where.$or = [
        { createdAt: { $lt: q.after.createdAt } },
        { createdAt: q.after.createdAt, id: { $lt: q.after.id } },
      ];
    }
    return this.em.find(WebhookDelivery, where, {
      ...forTenant(tenantId),
      // The log lists rows without their payloads; the detail view loads one.
      exclude: ['payload'],
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: q.limit,
    });
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
