import { APIConnectionError, APIConnectionTimeoutError, APIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { classify, countsForBreaker, isFallbackKind } from './classify.ts';

const apiError = (
  status: number | undefined,
  type: string,
  headers: Record<string, string> = {},
  code?: string,
) =>
  APIError.generate(
    status as number,
    { type: 'error', error: { type, message: type, ...(code ? { details: { error_code: code } } : {}) } },
    undefined,
    new Headers(headers),
  );

describe('classify', () => {
  it('maps each status to what routing should do about it', () => {
    const kinds = [401, 403, 402, 429, 500, 502, 529, 408, 400, 404, 413].map(
      (s) => classify(apiError(s, 'x')).kind,
    );
    expect(kinds).toEqual([
      'auth',
      'auth',
      'auth',
      'rate_limit',
      'server',
      'server',
      'overloaded',
      'timeout',
      'client',
      'client',
      'client',
    ]);
  });

  it('reads retry-after in seconds, milliseconds or as a date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(classify(apiError(429, 'rate_limit_error', { 'retry-after': '7' }), now).retryAfterMs).toBe(7000);
    expect(classify(apiError(429, 'rate_limit_error', { 'retry-after-ms': '250' }), now).retryAfterMs).toBe(
      250,
    );
    const date = new Date(now + 3000).toUTCString();
    expect(classify(apiError(429, 'rate_limit_error', { 'retry-after': date }), now).retryAfterMs).toBe(3000);
  });

  it('tells a spend-limit 429 apart, out until the next month without retry-after', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    const f = classify(apiError(429, 'rate_limit_error', {}, 'enforced_spend_limit_reached'), now);
    expect(f.kind).toBe('spend_limit');
    expect(new Date(f.resetAtMs!).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('treats in-stream errors (no status) by their type, and transport failures as such', () => {
    // What the SDK throws for an `event: error` after HTTP 200 (core/streaming.ts).
    const inStream = (type: string) =>
      new APIError(
        undefined,
        { type: 'error', error: { type, message: type } },
        undefined,
        new Headers(),
        type as never,
      );
    expect(classify(inStream('overloaded_error')).kind).toBe('overloaded');
    expect(classify(inStream('api_error')).kind).toBe('server');
    expect(classify(new APIConnectionTimeoutError()).kind).toBe('timeout');
    expect(classify(new APIConnectionError({ message: 'refused' })).kind).toBe('connection');
    expect(classify(new TypeError('terminated')).kind).toBe('connection');
  });

  it('never falls back on client errors, and never feeds them to the breaker', () => {
    expect(isFallbackKind('client')).toBe(false);
    expect(countsForBreaker('client')).toBe(false);
    expect(countsForBreaker('spend_limit')).toBe(false);
    expect(isFallbackKind('spend_limit')).toBe(true);
  });
});
