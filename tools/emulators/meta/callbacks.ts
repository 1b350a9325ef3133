// The emulator's side of the webhook: the verification handshake Meta performs (GET with hub.*,
// the challenge must come back as the body) and signed POSTs, retried with backoff on non-2xx as
// Meta does (it keeps trying for days; here a few short delays).
import { randomInt } from 'node:crypto';
import type { PhoneNumber } from './numbers.ts';
import { escapedJson, signatureOf } from './payloads.ts';

export interface CallbackLogEntry {
  phoneNumberId: string;
  kind: 'message' | 'status' | 'raw';
  body: string;
  /** The webhook's last HTTP status (null: unreachable). */
  status: number | null;
  attempts: number;
  at: number;
}

export interface VerifyResult {
  verified: boolean;
  status: number | null;
  body: string;
}

const LOG_CAP = 5000;

export class Callbacks {
  readonly log: CallbackLogEntry[] = [];
  private readonly retryDelaysMs: number[];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(retryDelaysMs: number[]) {
    this.retryDelaysMs = retryDelaysMs;
  }

  async verify(n: PhoneNumber): Promise<VerifyResult> {
    if (!n.webhookUrl || !n.verifyToken)
      throw new Error(`number ${n.phoneNumberId}: set webhookUrl and verifyToken`);
    const challenge = String(randomInt(1_000_000_000, 2_000_000_000));
    const url = new URL(n.webhookUrl);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.challenge', challenge);
    url.searchParams.set('hub.verify_token', n.verifyToken);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      const body = await res.text();
      n.verified = res.status === 200 && body === challenge;
      return { verified: n.verified, status: res.status, body };
    } catch (err) {
      n.verified = false;
      return { verified: false, status: null, body: String(err) };
    }
  }

  /** Signs and posts a payload to the number's (verified) webhook; resolves with the HTTP status. */
  async send(n: PhoneNumber, payload: unknown, kind: 'message' | 'status'): Promise<number | null> {
    if (!n.verified)
      throw new Error(`number ${n.phoneNumberId}: the webhook is not verified (call verifyWebhook)`);
    const raw = escapedJson(payload);
    const entry: CallbackLogEntry = {
      phoneNumberId: n.phoneNumberId,
      kind,
      body: raw,
      status: null,
      attempts: 0,
      at: Date.now(),
    };
    if (this.log.length >= LOG_CAP) this.log.shift();
    this.log.push(entry);
    await this.attempt(n, entry, signatureOf(raw, n.appSecret ?? ''));
    return entry.status;
  }

  /** Posts exactly these bytes with this signature header (null: none), once. For forgery tests. */
  async raw(
    n: PhoneNumber,
    raw: string,
    signature: string | null,
  ): Promise<{ status: number | null; body: string }> {
    const entry: CallbackLogEntry = {
      phoneNumberId: n.phoneNumberId,
      kind: 'raw',
      body: raw,
      status: null,
      attempts: 1,
      at: Date.now(),
    };
    this.log.push(entry);
    const res = await this.post(n.webhookUrl as string, raw, signature);
    entry.status = res.status;
    return res;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async attempt(n: PhoneNumber, entry: CallbackLogEntry, signature: string): Promise<void> {
    entry.attempts += 1;
    entry.status = (await this.post(n.webhookUrl as string, entry.body, signature)).status;
    if (entry.status !== null && entry.status >= 200 && entry.status < 300) return;
    const delay = this.retryDelaysMs[entry.attempts - 1];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(n, entry, signature);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  private async post(url: string, raw: string, signature: string | null) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'x-hub-signature-256': signature } : {}),
        },
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
      return { status: res.status, body: await res.text() };
    } catch (err) {
      return { status: null, body: String(err) };
    }
  }
}
