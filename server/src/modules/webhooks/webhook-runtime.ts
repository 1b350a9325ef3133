// Process-wide side of tenant webhooks: `emit` (what other slices call), the bull queue of
// deliveries and its worker. Built once in server.ts and reached as deps.webhooks; request
// services (webhook.service.ts) use it to send test events and replay deliveries.
import { WEBHOOK_ALL_EVENTS, type WEBHOOK_TEST_EVENT, type WebhookEventType } from '@colmeia/shared';
import Bull from 'bull';
import type { Clock } from '../../clock.ts';
import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../logger.ts';
import { TtlCache } from '../../ttl-cache.ts';
import type { SecretBox } from '../gateway/providers/secret-box.ts';
import { WebhookRepository } from './webhook.repository.ts';
import { type DeliveryJob, runAttempt } from './webhook-attempt.ts';
import { postWebhook } from './webhook-sender.ts';

export const DELIVERY_QUEUE = 'webhook-deliveries';

export interface WebhookOptions {
  /** Production: https and public addresses only, checked again at every send. */
  publicOnly: boolean;
  /** Attempts per delivery, the first included. */
  attempts: number;
  /** Wait after the first failure; each later one is `backoffFactor` times longer. */
  backoffMs: number;
  backoffFactor: number;
  timeoutMs: number;
  concurrency: number;
}

/** 8 attempts over about 9 hours: 30 s, 1.5 min, 4.5 min, 13.5 min, 40 min, 2 h, 6 h apart. */
export const DEFAULT_WEBHOOK_OPTIONS: Omit<WebhookOptions, 'publicOnly'> = {
  attempts: 8,
  backoffMs: 30_000,
  backoffFactor: 3,
  timeoutMs: 10_000,
  concurrency: 8,
};

const SUBSCRIPTION_TTL_MS = 5_000;
type Subscription = { id: string; enabled: boolean; events: string[] };

export interface WebhookEvent {
  /** Stable id of what happened (a message id…): emitting it again delivers nothing new. */
  id: string;
  type: WebhookEventType;
  data: unknown;
}
/** What can be delivered: the subscribable events and the test event ("Send test event"). */
export type DeliverableEvent = Omit<WebhookEvent, 'type'> & {
  type: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
};

/** Sent as a header: printable ASCII without spaces (WhatsApp and Cloud API message ids fit). */
const EVENT_ID = /^[\x21-\x7e]{1,200}$/;

export class TenantWebhooks {
  readonly queue: Bull.Queue<DeliveryJob>;
  private readonly d: { orm: Orm; clock: Clock; logger: Logger; box: SecretBox };
  private readonly o: WebhookOptions;

  constructor(
    d: TenantWebhooks['d'] & { redisUrl: string; queuePrefix: string },
    options: Partial<WebhookOptions> & { publicOnly: boolean },
  ) {
    this.d = { orm: d.orm, clock: d.clock, logger: d.logger, box: d.box };
    this.o = { ...DEFAULT_WEBHOOK_OPTIONS, ...options };
    this.queue = new Bull(DELIVERY_QUEUE, d.redisUrl, {
      prefix: d.queuePrefix,
      settings: { backoffStrategies: { webhook: (attemptsMade: number) => this.retryDelayMs(attemptsMade) } },
    });
    this.queue.on('error', (err) => d.logger.warn({ err }, 'webhook queue error'));
  }

  /**
   * A workspace's endpoints, kept for a few seconds: every message emits two events, and most
   * workspaces have no endpoint at all. Changes made in this process drop the entry at once (forget).
   */
  private readonly subscriptions = new TtlCache<Subscription[]>(SUBSCRIPTION_TTL_MS);

  /** Wait after `attemptsMade` failed attempts before the next one. */
  retryDelayMs(attemptsMade: number): number {
    return Math.round(this.o.backoffMs * this.o.backoffFactor ** Math.max(0, attemptsMade - 1));
  }

  /**
   * Records a delivery of the event for every enabled endpoint of the tenant subscribed to its type,
   * and queues them. Idempotent on (endpoint, event id), so a caller's retry can emit again without
   * double deliveries. Throws when the database or Redis is unreachable, or on a malformed event id.
   */
  async emit(tenantId: string, event: WebhookEvent): Promise<void> {
    const endpoints = (await this.subscribed(tenantId)).filter(
      (e) => e.enabled && (e.events.includes(WEBHOOK_ALL_EVENTS) || e.events.includes(event.type)),
    );
    if (endpoints.length)
      await this.deliver(new WebhookRepository(this.d.orm.em.fork()), tenantId, endpoints, event);
  }

  private subscribed(tenantId: string): Promise<Subscription[]> {
    return this.subscriptions.get(tenantId, () =>
      new WebhookRepository(this.d.orm.em.fork())
        .listEndpoints(tenantId)
        .then((rows) => rows.map((e) => ({ id: e.id, enabled: e.enabled, events: e.events }))),
    );
  }

  forget(tenantId: string): void {
    this.subscriptions.forget(tenantId);
  }

  /** Records and queues one event for the given endpoints; returns the delivery ids. */
  async deliver(
    repo: WebhookRepository,
    tenantId: string,
    endpoints: { id: string }[],
    event: DeliverableEvent,
  ): Promise<string[]> {
    if (!EVENT_ID.test(event.id))
      throw new Error(
        `webhook event id ${JSON.stringify(event.id)} must be 1-200 printable ASCII characters`,
      );
    const createdAt = this.d.clock.now();
    const payload = {
      id: event.id,
      type: event.type,
      createdAt: createdAt.toISOString(),
      tenantId,
      data: event.data ?? null,
    };
    const ids: string[] = [];
    for (const endpoint of endpoints) {
      const row = await repo.insertDeliveryOnce({
        tenant: tenantId,
        endpoint: endpoint.id,
        eventId: event.id,
        eventType: event.type,
        payload,
        createdAt,
      });
      // A pending row may have lost its job (Redis restarted before it was queued): queue it again.
      // The job id is the delivery id, so a job still in the queue is not duplicated.
      if (row.status === 'pending') await this.enqueue(tenantId, row.id);
      ids.push(row.id);
    }
    return ids;
  }

  async enqueue(tenantId: string, deliveryId: string, attempts = this.o.attempts): Promise<void> {
    await this.queue.add(
      { deliveryId, tenantId },
      {
        jobId: deliveryId,
        attempts,
        backoff: { type: 'webhook' },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  /** Whether the delivery has a job waiting, delayed or running (a replay then would race it). */
  async isQueued(deliveryId: string): Promise<boolean> {
    const job = await this.queue.getJob(deliveryId);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed') {
      await job.remove();
      return false;
    }
    return true;
  }

  /** Starts the worker: each job is one attempt; throwing asks bull for the next one after backoff. */
  consume(): void {
    const deps = {
      ...this.d,
      now: () => this.d.clock.now(),
      send: (url: string, headers: Record<string, string>, body: string) =>
        postWebhook(url, headers, body, this.o),
      retryDelayMs: (n: number) => this.retryDelayMs(n),
    };
    void this.queue.process(this.o.concurrency, async (job) => {
      const number = job.attemptsMade + 1;
      const outcome = await runAttempt(deps, job.data, { number, last: number >= (job.opts.attempts ?? 1) });
      if (outcome === 'retry') throw new Error('webhook delivery attempt failed; retrying');
    });
  }

  /** Lets the attempts in flight finish, then disconnects. */
  close(): Promise<void> {
    return this.queue.close();
  }
}
