// The worst case a call can cost, held against budgets before it runs. Input tokens are estimated
// from the request's size — half its UTF-8 bytes, above what Claude's tokenizer produces for text —
// and priced at the dearest rate the request could be billed at (a 1 h cache write, if it asks
// for one); output at max_tokens, which the API never exceeds.
import type { NanoRates } from '@colmeia/shared';

export interface InputEstimate {
  tokens: number;
  cache: 'none' | '5m' | '1h';
}

export function estimateInput(params: {
  system?: unknown;
  messages: unknown;
  tools?: unknown;
}): InputEstimate {
  const json = JSON.stringify([params.system ?? null, params.messages, params.tools ?? null]);
  const tokens = Math.ceil(Buffer.byteLength(json) / 2) + 16;
  const cache = !json.includes('"cache_control"') ? 'none' : json.includes('"1h"') ? '1h' : '5m';
  return { tokens, cache };
}

export function reserveNano(est: InputEstimate, maxTokens: number, nano: NanoRates): number {
  const inputRate =
    est.cache === '1h' ? nano.cacheWrite1h : est.cache === '5m' ? nano.cacheWrite5m : nano.input;
  return est.tokens * Math.max(inputRate, nano.input) + maxTokens * nano.output;
}
