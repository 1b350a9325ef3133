// Why the gateway turned a call down before sending it anywhere. The reason is stable: the bot
// pipeline turns it into a reply to the contact, /v1/messages into an Anthropic-shaped error.
import { AppError, type AppErrorCode } from '../../errors.ts';

export type GatewayRefusalReason =
  | 'gateway.rate_limited'
  | 'gateway.budget_exhausted'
  | 'gateway.agent_budget_exhausted'
  | 'gateway.daily_cap'
  | 'gateway.unknown_model'
  | 'gateway.model_not_allowed';

const CODES: Record<GatewayRefusalReason, AppErrorCode> = {
  'gateway.rate_limited': 'TOO_MANY_REQUESTS',
  'gateway.budget_exhausted': 'PRECONDITION_FAILED',
  'gateway.agent_budget_exhausted': 'PRECONDITION_FAILED',
  'gateway.daily_cap': 'PRECONDITION_FAILED',
  'gateway.unknown_model': 'BAD_REQUEST',
  'gateway.model_not_allowed': 'FORBIDDEN',
};

const MESSAGES: Partial<Record<GatewayRefusalReason, string>> = {
  'gateway.rate_limited': 'Too many requests for this workspace right now. Try again shortly.',
  'gateway.budget_exhausted': "The workspace's monthly AI budget is used up.",
  'gateway.agent_budget_exhausted': "This agent's monthly AI budget is used up.",
  'gateway.daily_cap': "The workspace's daily AI cap is reached; bots are paused until midnight (UTC).",
};

export class GatewayRefusal extends AppError {
  readonly gatewayReason: GatewayRefusalReason;
  readonly retryAfterMs: number | null;

  constructor(reason: GatewayRefusalReason, message?: string, retryAfterMs: number | null = null) {
    super(CODES[reason], message ?? MESSAGES[reason] ?? reason, { reason });
    this.name = 'GatewayRefusal';
    this.gatewayReason = reason;
    this.retryAfterMs = retryAfterMs;
  }
}
