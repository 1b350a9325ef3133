// How a delivery is signed: HMAC-SHA256 with the endpoint's secret over `${timestamp}.${body}`,
// sent as `Colmeia-Webhook-Signature: v1=<hex>` next to the event id and the unix timestamp. Each
// attempt is signed anew, so receivers can refuse old timestamps (replays) without refusing retries.
import { createHmac, randomBytes } from 'node:crypto';
import { WEBHOOK_HEADERS } from '@colmeia/shared';

export const SECRET_PREFIX = 'whsec_';

export const newWebhookSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;

export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The headers of one attempt. `eventId` lets receivers drop an event they already handled. */
export function signedHeaders(
  secret: string,
  eventId: string,
  body: string,
  now: Date,
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Colmeia-Webhooks/1',
    [WEBHOOK_HEADERS.id]: eventId,
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signature(secret, timestamp, body),
  };
}
