// One HTTP attempt of a delivery: POST the signed body, keep the status and the start of the answer.
// In production only https and public addresses are reached: literal IPs are checked here, names at
// connection time against what they resolve to (the address connected to is the one checked).
// Redirects are not followed, so a 3xx cannot bounce a delivery inwards; it counts as a failure.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import {
  BlockedAddressError,
  checkedLookup,
  hostOf,
  isPublicAddress,
} from '../gateway/budgets/webhook-address.ts';

export const SNIPPET_CHARS = 500;
/** Bytes read from an answer; enough for SNIPPET_CHARS characters of UTF-8. */
const READ_BYTES = SNIPPET_CHARS * 4;

export interface SendOptions {
  /** Production: https only, public addresses only. */
  publicOnly: boolean;
  timeoutMs: number;
}

export interface SendResult {
  statusCode: number;
  snippet: string;
}

/** The target may never be reached (plain http or a non-public address in production): do not retry. */
export class RefusedTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedTargetError';
  }
}

export const isRefusal = (err: unknown): boolean =>
  err instanceof RefusedTargetError || err instanceof BlockedAddressError;

export function postWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  o: SendOptions,
): Promise<SendResult> {
  const url = new URL(target);
  const host = hostOf(url);
  if (o.publicOnly && url.protocol !== 'https:') {
    return Promise.reject(new RefusedTargetError(`${url.protocol} is not allowed; use https`));
  }
  // A literal address is connected to without a lookup, so it is checked here.
  if (o.publicOnly && isIP(host) && !isPublicAddress(host)) {
    return Promise.reject(new BlockedAddressError(host, host));
  }
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    let answer: { statusCode: number; chunks: Buffer[] } | null = null;
    const finish = (err: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // An answer that stalls or breaks after its status line still counts by its status.
      if (answer) {
        const text = Buffer.concat(answer.chunks).toString('utf8').slice(0, SNIPPET_CHARS);
        resolve({ statusCode: answer.statusCode, snippet: text });
      } else reject(err ?? new Error('connection closed without an answer'));
    };
    const req = lib.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        // A fresh connection each time: a pooled socket would skip the address check.
        agent: false,
        lookup: checkedLookup(o.publicOnly),
      },
      (res) => {
        const got = { statusCode: res.statusCode ?? 0, chunks: [] as Buffer[], bytes: 0 };
        answer = got;
        res.on('data', (chunk: Buffer) => {
          got.chunks.push(chunk);
          got.bytes += chunk.length;
          if (got.bytes >= READ_BYTES) res.destroy();
        });
        res.on('error', () => finish(null));
        res.on('close', () => finish(null));
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${o.timeoutMs} ms`)), o.timeoutMs);
    req.on('error', (err) => finish(err));
    req.end(body);
  });
}
