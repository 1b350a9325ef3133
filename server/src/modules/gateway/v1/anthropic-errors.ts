// Every failure of /v1/messages in Anthropic's own shape, {type:'error', error:{type, message}},
// with the status the official SDKs expect, so clients handle Colmeia like the real API. A
// provider's own trouble (its key revoked, its account overloaded) is never passed on as such:
// to the workspace it is Colmeia being overloaded.
import { APIError } from '@anthropic-ai/sdk';
import type { Response } from 'express';
import { classify } from '../breaker/classify.ts';
import { GatewayRefusal, type GatewayRefusalReason } from '../refusal.ts';
import { UpstreamError } from '../router/dispatcher.ts';

export interface AnthropicError {
  status: number;
  type: string;
  message: string;
  retryAfterMs?: number | null;
}

const REFUSALS: Record<GatewayRefusalReason, { status: number; type: string }> = {
  'gateway.rate_limited': { status: 429, type: 'rate_limit_error' },
  'gateway.budget_exhausted': { status: 402, type: 'billing_error' },
  'gateway.agent_budget_exhausted': { status: 402, type: 'billing_error' },
  'gateway.daily_cap': { status: 402, type: 'billing_error' },
  'gateway.unknown_model': { status: 404, type: 'not_found_error' },
  'gateway.model_not_allowed': { status: 403, type: 'permission_error' },
};

export function toAnthropicError(error: unknown): AnthropicError {
  if (error instanceof GatewayRefusal) {
    return { ...REFUSALS[error.gatewayReason], message: error.message, retryAfterMs: error.retryAfterMs };
  }
  if (error instanceof UpstreamError) {
    const f = error.failure;
    if (f.kind === 'rate_limit')
      return { status: 429, type: 'rate_limit_error', message: f.message, retryAfterMs: f.retryAfterMs };
    return { status: 529, type: 'overloaded_error', message: 'Overloaded' };
  }
  if (error instanceof APIError && error.status) {
    // Only client errors get here (dispatch rethrows them): the request itself was refused.
    const f = classify(error);
    return { status: error.status, type: f.type, message: f.message };
  }
  return { status: 500, type: 'api_error', message: 'Internal server error' };
}

export function sendAnthropicError(res: Response, e: AnthropicError, requestId: string): void {
  if (e.retryAfterMs != null)
    res.setHeader('retry-after', String(Math.max(1, Math.ceil(e.retryAfterMs / 1000))));
  res
    .status(e.status)
    .json({ type: 'error', error: { type: e.type, message: e.message }, request_id: requestId });
}
