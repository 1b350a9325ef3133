// The screen's decisions, kept pure for tests: which event boxes are ticked and what a change
// does to the subscription ('*' stands for every type, present and future), and how a delivery's
// state reads (queued, retrying at…, delivered, failed).
import {
  WEBHOOK_ALL_EVENTS,
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryDto,
  type WebhookEventType,
} from '@colmeia/shared';

export type Subscription = (WebhookEventType | typeof WEBHOOK_ALL_EVENTS)[];

export const subscribesToAll = (events: readonly string[]): boolean => events.includes(WEBHOOK_ALL_EVENTS);

/** Ticking "all events" replaces the list; unticking it leaves nothing chosen. */
export function toggleAll(checked: boolean): Subscription {
  return checked ? [WEBHOOK_ALL_EVENTS] : [];
}

/** Adds or removes one type, keeping the documented order; never mixes a type with '*'. */
export function toggleEvent(
  events: readonly string[],
  type: WebhookEventType,
  checked: boolean,
): Subscription {
  const chosen = new Set(subscribesToAll(events) ? [] : events);
  if (checked) chosen.add(type);
  else chosen.delete(type);
  return WEBHOOK_EVENT_TYPES.filter((t) => chosen.has(t));
}

export type DeliveryState =
  | { key: 'queued' }
  | { key: 'retrying'; at: string | null }
  | { key: 'succeeded' }
  | { key: 'failed' };

export function deliveryState(
  d: Pick<WebhookDeliveryDto, 'status' | 'attempts' | 'nextAttemptAt'>,
): DeliveryState {
  if (d.status === 'succeeded') return { key: 'succeeded' };
  if (d.status === 'failed') return { key: 'failed' };
  return d.attempts === 0 ? { key: 'queued' } : { key: 'retrying', at: d.nextAttemptAt };
}

export const stateTone = (state: DeliveryState): 'ok' | 'danger' | 'warning' | null =>
  state.key === 'succeeded'
    ? 'ok'
    : state.key === 'failed'
      ? 'danger'
      : state.key === 'retrying'
        ? 'warning'
        : null;

/** A pending delivery can be replayed only once its attempt is over (the server says so too). */
export const canReplay = (d: Pick<WebhookDeliveryDto, 'status'>): boolean => d.status !== 'pending';

/** The payload as the receiver got it, indented for reading. */
export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2);
