// Tenant webhooks (webhooks.*): endpoints a workspace registers for its automations (n8n, CRMs),
// the event types they can subscribe to, and the delivery log. Deliveries are signed; the recipe
// for checking a signature is in docs/webhooks.md and on the SPA's webhooks screen.
import { z } from 'zod';
import { ZId } from './account.ts';

const ZIsoDate = z.iso.datetime();

/** What other slices emit (TenantWebhooks.emit). Adding one here makes it subscribable. */
export const WEBHOOK_EVENT_TYPES = [
  'message.received',
  'message.sent',
  'conversation.paused',
  'conversation.resumed',
  'whatsapp.connected',
  'whatsapp.disconnected',
  'budget.alert',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

/** The event "Send test event" delivers to one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
/** Subscribes an endpoint to every event type, present and future. */
export const WEBHOOK_ALL_EVENTS = '*';

/** Signature headers, as receivers read them (HTTP header names are case-insensitive). */
export const WEBHOOK_HEADERS = {
  id: 'Colmeia-Webhook-Id',
  timestamp: 'Colmeia-Webhook-Timestamp',
  signature: 'Colmeia-Webhook-Signature',
} as const;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** An endpoint's subscriptions: some event types, or ['*'] for all. */
export const ZWebhookEvents = z
  .array(z.union([z.literal(WEBHOOK_ALL_EVENTS), ZWebhookEventType]))
  .min(1, 'Choose at least one event')
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  .transform((events): typeof events =>
    events.includes(WEBHOOK_ALL_EVENTS) ? [WEBHOOK_ALL_EVENTS] : [...new Set(events)],
  );

/**
 * http(s) only. Whether the address must be https and public is decided by the server (production
 * refuses private and local addresses; demo and test post to local receivers).
 */
export const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'Invalid URL' }));

const ZDescription = z.string().trim().max(200, 'Use at most 200 characters');

export const ZCreateWebhookEndpointInput = z.object({
  url: ZWebhookUrl,
  description: ZDescription.default(''),
  events: ZWebhookEvents,
});
export type CreateWebhookEndpointInput = z.output<typeof ZCreateWebhookEndpointInput>;

export const ZUpdateWebhookEndpointInput = z.object({
  id: ZId,
  url: ZWebhookUrl.optional(),
  description: ZDescription.optional(),
  events: ZWebhookEvents.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookEndpointInput = z.output<typeof ZUpdateWebhookEndpointInput>;

export const ZWebhookEndpointIdInput = z.object({ id: ZId });

export const ZWebhookEndpoint = z.object({
  id: ZId,
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  /** The secret's last characters ('…x7Qa'); the secret itself is shown once. */
  secretHint: z.string(),
  enabled: z.boolean(),
  createdAt: ZIsoDate,
  createdByEmail: z.string().nullable(),
});
export type WebhookEndpointDto = z.infer<typeof ZWebhookEndpoint>;

/** `secret` signs deliveries; it is shown this once and never again. */
export const ZWebhookEndpointWithSecret = z.object({ endpoint: ZWebhookEndpoint, secret: z.string() });

export const ZWebhookDeliveriesInput = z.object({
  endpointId: ZId.optional(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const ZWebhookDelivery = z.object({
  id: ZId,
  endpointId: ZId,
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: ZIsoDate.nullable(),
  createdAt: ZIsoDate,
  deliveredAt: ZIsoDate.nullable(),
});
export type WebhookDeliveryDto = z.infer<typeof ZWebhookDelivery>;
export const ZWebhookDeliveriesPage = z.object({
  items: z.array(ZWebhookDelivery),
  nextCursor: z.string().nullable(),
});

/** One delivery with what was sent (the JSON body) and the start of the receiver's answer. */
export const ZWebhookDeliveryDetail = ZWebhookDelivery.extend({
  payload: z.unknown(),
  responseSnippet: z.string().nullable(),
});
export type WebhookDeliveryDetailDto = z.infer<typeof ZWebhookDeliveryDetail>;

export const ZWebhookDeliveryIdInput = z.object({ id: ZId });
