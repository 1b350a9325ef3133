// Rows as the API shows them: never the sealed secret, payloads only in the detail view.
import type { WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookEndpointDto } from '@colmeia/shared';
import type { DeliveryListRow } from './webhook.repository.ts';
import type { WebhookDelivery } from './webhook-delivery.entity.ts';
import type { WebhookEndpoint } from './webhook-endpoint.entity.ts';

export function endpointDto(e: WebhookEndpoint): WebhookEndpointDto {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    secretHint: e.secretHint,
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
    createdByEmail: e.createdByEmail ?? null,
  };
}

export function deliveryDto(d: DeliveryListRow): WebhookDeliveryDto {
  return {
    id: d.id,
    endpointId: d.endpoint,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode ?? null,
    lastError: d.lastError ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}

export function deliveryDetailDto(d: WebhookDelivery): WebhookDeliveryDetailDto {
  return { ...deliveryDto(d), payload: d.payload, responseSnippet: d.responseSnippet ?? null };
}
