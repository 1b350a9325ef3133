// The delivery log of a workspace's webhooks: paged list with filters, one delivery with its
// payload and the receiver's answer, and replay (one more attempt, now).
import type { WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookDeliveryStatus } from '@colmeia/shared';
import { decodeCursor, encodeCursor } from '../../db/cursor.ts';
import { AppError } from '../../errors.ts';
import { deliveryDetailDto, deliveryDto } from './webhook.dto.ts';
import type { WebhookRepository } from './webhook.repository.ts';
import type { TenantWebhooks } from './webhook-runtime.ts';

export interface DeliveryServiceDeps {
  repo: WebhookRepository;
  runtime: Pick<TenantWebhooks, 'isQueued' | 'enqueue'>;
  now: () => Date;
}

export class WebhookDeliveryService {
  private readonly d: DeliveryServiceDeps;
  constructor(d: DeliveryServiceDeps) {
    this.d = d;
  }

  async list(
    tenantId: string,
    q: {
      endpointId?: string | undefined;
      status?: WebhookDeliveryStatus | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ): Promise<{ items: WebhookDeliveryDto[]; nextCursor: string | null }> {
    const rows = await this.d.repo.deliveries(tenantId, {
      endpointId: q.endpointId,
      status: q.status,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
    });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return {
      items: items.map(deliveryDto),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    };
  }

  async get(tenantId: string, id: string): Promise<WebhookDeliveryDetailDto> {
    return deliveryDetailDto(await this.find(tenantId, id));
  }

  /**
   * Sends the delivery again as one new attempt, with a fresh signature; the receiver sees the same
   * event id. Refused while the delivery still has an attempt queued or running.
   */
  async replay(tenantId: string, id: string): Promise<WebhookDeliveryDto> {
    const row = await this.find(tenantId, id);
    if (await this.d.runtime.isQueued(row.id)) {
      throw new AppError('CONFLICT', 'This delivery is already queued; wait for its attempt to finish.', {
        reason: 'webhook.delivery_queued',
      });
    }
    row.status = 'pending';
    row.nextAttemptAt = this.d.now();
    await this.d.repo.flush();
    await this.d.runtime.enqueue(tenantId, row.id, 1);
    return deliveryDto(row);
  }

  private async find(tenantId: string, id: string) {
    const row = await this.d.repo.findDelivery(tenantId, id);
    if (!row)
      throw new AppError('NOT_FOUND', 'Delivery not found.', { reason: 'webhook.delivery_not_found' });
    return row;
  }
}
