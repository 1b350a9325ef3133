// Budget alerts POSTed to a workspace's webhook, signed like Stripe's: header
// X-Colmeia-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${body}`)>. Receivers
// recompute the HMAC over the raw body and reject old timestamps (so each attempt is signed anew).
// 5xx, 429, timeouts and network errors are retried with exponential backoff; other answers are
// final. In production only public addresses are reached (webhook-address.ts).
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import {
  BlockedAddressError,
  checkedLookup,
  hostOf,
  isPublicAddress,
  type Lookup,
} from './webhook-address.ts';

export const SIGNATURE_HEADER = 'x-colmeia-signature';

export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export interface WebhookOptions {
  /** Refuse non-public addresses (production). Demo and test post to local receivers. */
  publicOnly: boolean;
  /** Retries after the first attempt. */
  retries?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  /** Abandons the attempt in flight and any further retries (shutdown). */
  signal?: AbortSignal;
  /** For tests: resolves names instead of the system resolver. */
  resolve?: Lookup;
}

const retryable = (status: unknown) => typeof status === 'number' && (status >= 500 || status === 429);

/** POSTs until a final answer; returns its status. Throws when the address is refused or every attempt failed. */
export async function postSigned(
  url: string,
  secret: string,
  payload: unknown,
  now: () => Date,
  o: WebhookOptions,
): Promise<number> {
  const target = new URL(url);
  const host = hostOf(target);
  // A literal address is connected to without a lookup, so it is checked here.
  if (o.publicOnly && isIP(host) && !isPublicAddress(host)) throw new BlockedAddressError(host, host);
  const body = JSON.stringify(payload);
  const policy = retry(handleWhen((err) => !(err instanceof BlockedAddressError)).orWhenResult(retryable), {
    maxAttempts: o.retries ?? 4,
    backoff: new ExponentialBackoff({
      initialDelay: o.initialDelayMs ?? 1_000,
      maxDelay: o.maxDelayMs ?? 8_000,
    }),
  });
  return policy.execute(
    () => postOnce(target, body, signPayload(secret, body, Math.floor(now().getTime() / 1000)), o),
    o.signal,
  );
}

function postOnce(url: URL, body: string, signature: string, o: WebhookOptions): Promise<number> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [SIGNATURE_HEADER]: signature,
        },
        // A fresh connection each time: a pooled socket would skip the address check. Redirects are
        // not followed (node:http never does), so a 3xx cannot bounce the request inwards.
        agent: false,
        lookup: checkedLookup(o.publicOnly, o.resolve),
        signal: AbortSignal.any([AbortSignal.timeout(o.timeoutMs ?? 5_000), ...(o.signal ? [o.signal] : [])]),
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
