// Budget alerts POSTed to a workspace's webhook, signed like Stripe's: header
// X-Colmeia-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${body}`)>. Receivers
// recompute the HMAC over the raw body and reject old timestamps.
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-colmeia-signature';

export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** One attempt with a short timeout; the alert row and the e-mails do not depend on it. */
export async function postSigned(url: string, secret: string, payload: unknown, now: Date): Promise<number> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signPayload(secret, body, Math.floor(now.getTime() / 1000)),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(5_000),
  });
  await res.body?.cancel();
  return res.status;
}
