import { describe, expect, it } from 'vitest';
import { mergeUsage, totalTokens, usageFromEvent, ZERO_USAGE } from './token-usage.ts';

describe('usage from Anthropic usage objects', () => {
  it('keeps cache tokens apart from input and splits writes by lifetime', () => {
    const u = mergeUsage(ZERO_USAGE, {
      input_tokens: 10,
      output_tokens: 5,
      cache_creation_input_tokens: 300,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
      cache_read_input_tokens: 50,
    });
    expect(u).toEqual({
      inputTokens: 10,
      outputTokens: 5,
      cacheWrite5mTokens: 100,
      cacheWrite1hTokens: 200,
      cacheReadTokens: 50,
    });
    expect(totalTokens(u)).toBe(365);
  });

  it('counts cache writes without a split as 5-minute writes', () => {
    expect(mergeUsage(ZERO_USAGE, { cache_creation_input_tokens: 40 }).cacheWrite5mTokens).toBe(40);
  });

  it('replaces with each cumulative message_delta instead of adding (no double count)', () => {
    let u = usageFromEvent(ZERO_USAGE, {
      type: 'message_start',
      message: {
        usage: {
          input_tokens: 25,
          cache_read_input_tokens: 1000,
          cache_creation_input_tokens: 0,
          output_tokens: 1,
        },
      },
    } as never);
    u = usageFromEvent(u, { type: 'message_delta', usage: { output_tokens: 7 } } as never);
    u = usageFromEvent(u, {
      type: 'message_delta',
      usage: {
        output_tokens: 15,
        input_tokens: 25,
        cache_read_input_tokens: 1000,
        cache_creation_input_tokens: 0,
      },
    } as never);
    u = usageFromEvent(u, { type: 'content_block_delta' } as never);
    expect(u).toEqual({
      inputTokens: 25,
      outputTokens: 15,
      cacheWrite5mTokens: 0,
      cacheWrite1hTokens: 0,
      cacheReadTokens: 1000,
    });
  });
});
