// Token counts from Anthropic's usage objects. Cache tokens are reported beside input_tokens, not
// inside it, and message_delta usage is cumulative: each field seen replaces the one before, so
// nothing is ever counted twice (shared/research/llm-gateway.md §3, items 4 and 5).
import type { TokenUsage } from '@colmeia/shared';

/** The usage fields we read, as they appear in a message or a stream event (any may be absent). */
export interface ApiUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: {
    ephemeral_5m_input_tokens?: number | null;
    ephemeral_1h_input_tokens?: number | null;
  } | null;
}

export const ZERO_USAGE: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheWrite5mTokens: 0,
  cacheWrite1hTokens: 0,
  cacheReadTokens: 0,
};

/** Applies a (cumulative) usage object over what is known so far. */
export function mergeUsage(known: TokenUsage, u: ApiUsage | null | undefined): TokenUsage {
  if (!u) return known;
  const next = { ...known };
  if (u.input_tokens != null) next.inputTokens = u.input_tokens;
  if (u.output_tokens != null) next.outputTokens = u.output_tokens;
  if (u.cache_read_input_tokens != null) next.cacheReadTokens = u.cache_read_input_tokens;
  if (u.cache_creation_input_tokens != null) {
    const total = u.cache_creation_input_tokens;
    // The split by lifetime, when given; the total is authoritative, so any remainder is 5 m.
    const oneHour = Math.min(
      total,
      u.cache_creation?.ephemeral_1h_input_tokens ?? (u.cache_creation ? 0 : known.cacheWrite1hTokens),
    );
    next.cacheWrite1hTokens = oneHour;
    next.cacheWrite5mTokens = total - oneHour;
  }
  return next;
}

export const totalTokens = (u: TokenUsage): number =>
  u.inputTokens + u.outputTokens + u.cacheWrite5mTokens + u.cacheWrite1hTokens + u.cacheReadTokens;

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheWrite5mTokens: a.cacheWrite5mTokens + b.cacheWrite5mTokens,
    cacheWrite1hTokens: a.cacheWrite1hTokens + b.cacheWrite1hTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  };
}

/** Usage from a stream: message_start, then every message_delta (cumulative). */
export function usageFromEvent(known: TokenUsage, event: { type: string }): TokenUsage {
  if (event.type === 'message_start')
    return mergeUsage(known, (event as { message?: { usage?: ApiUsage } }).message?.usage);
  if (event.type === 'message_delta') return mergeUsage(known, (event as { usage?: ApiUsage }).usage);
  return known;
}
