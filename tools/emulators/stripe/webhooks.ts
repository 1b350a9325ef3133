// Events and their delivery. Each event is POSTed to every endpoint with a Stripe-Signature header
// made the way Stripe makes it (HMAC-SHA256 over "t.body" with the endpoint secret), in the order
// emitted, retried on failure. Tests can hold deliveries and release them reordered, or deliver an
// event again (same id) to play Stripe's duplicates.
import { createHmac } from 'node:crypto';
import { API_VERSION } from './objects.ts';
import { newId } from './state.ts';

export type Endpoint = { url: string; secret: string };
export type StripeEvent = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
};
export type Delivery = {
  eventId: string;
  type: string;
  url: string;
  status: number | null;
  attempt: number;
  at: string;
};

/** `t=<unix>,v1=<hex>` for a payload, as Stripe signs (and stripe-node's generateTestHeaderString). */
export function signatureHeader(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

export class Webhooks {
  readonly endpoints: Endpoint[] = [];
  readonly events: StripeEvent[] = [];
  readonly deliveries: Delivery[] = [];
  held: StripeEvent[] | null = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly o: { retries: number; retryDelayMs: number };

  constructor(o: { retries?: number; retryDelayMs?: number } = {}) {
    this.o = { retries: o.retries ?? 3, retryDelayMs: o.retryDelayMs ?? 200 };
  }

  emit(type: string, object: unknown, created: number, previous?: Record<string, unknown>): StripeEvent {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      api_version: API_VERSION,
      created,
      livemode: false,
      pending_webhooks: this.endpoints.length,
      request: { id: null, idempotency_key: null },
      type,
      data: previous ? { object, previous_attributes: previous } : { object },
    };
    this.events.push(event);
    if (this.held) this.held.push(event);
    else this.send(event);
    return event;
  }

  hold(): void {
    this.held ??= [];
  }

  release(order: 'as_is' | 'reverse' = 'as_is'): number {
    const events = this.held ?? [];
    this.held = null;
    for (const e of order === 'reverse' ? [...events].reverse() : events) this.send(e);
    return events.length;
  }

  resend(eventId: string): boolean {
    const event = this.events.find((e) => e.id === eventId);
    if (event) this.send(event);
    return Boolean(event);
  }

  /** Resolves once everything queued so far was delivered (or gave up). */
  idle(): Promise<void> {
    return this.chain;
  }

  private send(event: StripeEvent): void {
    const body = JSON.stringify(event);
    for (const endpoint of this.endpoints)
      this.chain = this.chain.then(() => this.deliver(event, body, endpoint));
  }

  private async deliver(event: StripeEvent, body: string, endpoint: Endpoint): Promise<void> {
    for (let attempt = 1; attempt <= this.o.retries + 1; attempt++) {
      let status: number | null = null;
      try {
        const res = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'stripe-signature': signatureHeader(body, endpoint.secret),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = null;
      }
      this.deliveries.push({
        eventId: event.id,
        type: event.type,
        url: endpoint.url,
        status,
        attempt,
        at: new Date().toISOString(),
      });
      if (status !== null && status >= 200 && status < 300) return;
      await new Promise((r) => setTimeout(r, this.o.retryDelayMs * attempt));
    }
  }
}
