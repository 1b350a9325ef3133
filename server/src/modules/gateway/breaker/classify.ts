// What an upstream failure means for routing: whose fault it is, whether another provider may do
// better, and how long this one should rest. The SDK's error classes carry status, headers and the
// Anthropic error body; an in-stream `error` event arrives as an APIError without a status.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk';

export type FailureKind =
  /** 401/403/402: this account is unusable until someone fixes it. */
  | 'auth'
  /** 429: this account is over its rate limit for now. */
  | 'rate_limit'
  /** 429 enforced_spend_limit_reached: out until the spend limit resets. */
  | 'spend_limit'
  /** 529 or an in-stream overloaded_error. */
  | 'overloaded'
  /** 5xx, an in-stream api_error, a cut stream. */
  | 'server'
  | 'timeout'
  | 'connection'
  /** 400/404/413/422: the request itself is wrong; no provider would take it. */
  | 'client'
  /** Our caller went away. */
  | 'aborted';

export interface UpstreamFailure {
  kind: FailureKind;
  status: number | null;
  /** Anthropic error type ('overloaded_error', …). */
  type: string;
  message: string;
  retryAfterMs: number | null;
  /** spend_limit only: when the provider may be tried again. */
  resetAtMs: number | null;
  requestId: string | null;
}

export const isFallbackKind = (kind: FailureKind): boolean => kind !== 'client' && kind !== 'aborted';

/** Failures that say something about the provider's health (and so feed its breaker). */
export const countsForBreaker = (kind: FailureKind): boolean =>
  kind === 'auth' ||
  kind === 'rate_limit' ||
  kind === 'overloaded' ||
  kind === 'server' ||
  kind === 'timeout' ||
  kind === 'connection';

export function classify(error: unknown, nowMs: number = Date.now()): UpstreamFailure {
  if (error instanceof APIUserAbortError) return failure('aborted', null, 'api_error', 'Request aborted');
  if (error instanceof APIConnectionTimeoutError)
    return failure('timeout', null, 'timeout_error', 'Upstream timed out');
  if (error instanceof APIConnectionError) return failure('connection', null, 'api_error', error.message);
  if (error instanceof APIError) {
    const type = error.type ?? 'api_error';
    const message = error.apiMessage ?? error.message;
    const retryAfterMs = error.headers ? retryAfter(error.headers, nowMs) : null;
    const kind = kindOf(error.status, type, error.errorCode);
    const resetAtMs = kind === 'spend_limit' ? spendLimitReset(retryAfterMs, nowMs) : null;
    return {
      kind,
      status: error.status ?? null,
      type,
      message,
      retryAfterMs,
      resetAtMs,
      requestId: error.requestID ?? null,
    };
  }
  // Our caller's signal fired while we waited between rounds.
  if (error instanceof Error && error.name === 'AbortError')
    return failure('aborted', null, 'api_error', 'Request aborted');
  const message = error instanceof Error ? error.message : String(error);
  // Undici and stream-parsing errors: the connection went wrong under the SDK.
  return failure('connection', null, 'api_error', message);
}

function kindOf(status: number | undefined, type: string, errorCode: string | null): FailureKind {
  if (status === undefined) {
    // In-stream error event (HTTP 200 already sent).
    if (type === 'overloaded_error') return 'overloaded';
    if (type === 'rate_limit_error') return 'rate_limit';
    return 'server';
  }
  if (status === 401 || status === 403 || status === 402) return 'auth';
  if (status === 429) return errorCode === 'enforced_spend_limit_reached' ? 'spend_limit' : 'rate_limit';
  if (status === 529) return 'overloaded';
  if (status === 408) return 'timeout';
  if (status >= 500 || status === 409) return 'server';
  return 'client';
}

function failure(kind: FailureKind, status: number | null, type: string, message: string): UpstreamFailure {
  return { kind, status, type, message, retryAfterMs: null, resetAtMs: null, requestId: null };
}

/** retry-after-ms, else retry-after in seconds or as an HTTP date. */
export function retryAfter(headers: Headers, nowMs: number): number | null {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/**
 * When a spend-limited provider may come back: retry-after if given, else the start of the next
 * UTC month (Anthropic spend limits are monthly; their 429 has no retry-after and the
 * anthropic-ratelimit-* resets describe the per-minute limits, not this one). Staff can bring a
 * provider back early by saving it.
 */
function spendLimitReset(retryAfterMs: number | null, nowMs: number): number {
  if (retryAfterMs !== null) return nowMs + retryAfterMs;
  const now = new Date(nowMs);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
}
