// LLM gateway schemas: costs, usage, budgets and alerts, API keys (gateway.*, per workspace) and
// the provider pool (providers.*, staff). Money crosses the API as USD numbers; the server keeps
// integer nano-USD (see ../pricing.ts).
import { z } from 'zod';
import { ZId } from './account.ts';

const ZIsoDate = z.iso.datetime();
/** A calendar month, UTC: '2026-11'. */
/** An agent as the gateway knows it: `<bot id>/<agent id>` (agents are named per bot). */
export const ZAgentKey = z
  .string()
  .regex(/^[0-9a-f-]{36}\/[a-z0-9][a-z0-9-]{0,31}$/, 'An agent key is <bot id>/<agent id>');

export const ZPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM');
const ZUsdInput = z.number().min(0, 'Must be zero or more').max(1_000_000, 'At most 1,000,000');
const ZPerMinute = z.number().int().min(1).max(100_000_000);

/** Remaining-budget percentages at which an alert fires, once each per month. */
export const BUDGET_ALERT_THRESHOLDS = [20, 10, 5, 1] as const;

// --- costs and usage (gateway.costs, gateway.usage) -----------------------------------------------

export const ZCostsInput = z.object({ month: ZPeriod.optional() });

export const ZCostSlice = z.object({
  /** Model name, agent id, channel name; null for calls without an agent. */
  key: z.string().nullable(),
  costUsd: z.number(),
  calls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  cacheReadTokens: z.number().int(),
});
export type CostSlice = z.infer<typeof ZCostSlice>;

export const ZCosts = z.object({
  period: ZPeriod,
  totalUsd: z.number(),
  calls: z.number().int(),
  failedCalls: z.number().int(),
  refusedCalls: z.number().int(),
  byDay: z.array(z.object({ date: z.string(), costUsd: z.number(), calls: z.number().int() })),
  byModel: z.array(ZCostSlice),
  byAgent: z.array(ZCostSlice),
  byChannel: z.array(ZCostSlice),
  /** Straight-line month-end projection from the spend so far (current month only). */
  projectionUsd: z.number().nullable(),
  monthlyLimitUsd: z.number().nullable(),
  thresholdsPercent: z.array(z.number()),
});
export type Costs = z.infer<typeof ZCosts>;

export const USAGE_OUTCOMES = ['ok', 'error', 'refused'] as const;
export const ZUsageInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  agentId: ZAgentKey.optional(),
  outcome: z.enum(USAGE_OUTCOMES).optional(),
});

export const ZUsageRow = z.object({
  id: ZId,
  createdAt: ZIsoDate,
  agentId: z.string().nullable(),
  channel: z.string(),
  conversationId: z.string().nullable(),
  model: z.string(),
  requestedModel: z.string(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cacheWrite5mTokens: z.number().int(),
  cacheWrite1hTokens: z.number().int(),
  cacheReadTokens: z.number().int(),
  costUsd: z.number(),
  latencyMs: z.number().int(),
  outcome: z.enum(USAGE_OUTCOMES),
  /** Anthropic error type, or the gateway's refusal reason ('gateway.budget_exhausted'). */
  errorType: z.string().nullable(),
  requestId: z.string(),
});
export type UsageRow = z.infer<typeof ZUsageRow>;
export const ZUsagePage = z.object({ items: z.array(ZUsageRow), nextCursor: z.string().nullable() });

// --- budgets (gateway.budget.*) -------------------------------------------------------------------

export const ZBudgetSettings = z.object({
  /** Monthly spend limit for the workspace; null = no limit. */
  monthlyLimitUsd: ZUsdInput.nullable(),
  /** Daily cap: past it the bots pause for the rest of the day (UTC). */
  dailyCapUsd: ZUsdInput.nullable(),
  /** Below this % of the monthly budget left, Opus calls run on Sonnet, and below half of it on Haiku. */
  downgradeBelowPercent: z.number().int().min(1).max(99).nullable(),
  /** Requests / tokens per minute for the workspace; null = the platform default. */
  rpm: ZPerMinute.nullable(),
  tpm: ZPerMinute.nullable(),
  /** Budget alerts are POSTed here, signed (header X-Colmeia-Signature: t=…,v1=HMAC-SHA256). */
  alertWebhookUrl: z.url().max(500).nullable(),
});
export type BudgetSettings = z.infer<typeof ZBudgetSettings>;

export const ZAgentBudget = z.object({
  agentId: z.string(),
  monthlyLimitUsd: z.number().nullable(),
  rpm: z.number().int().nullable(),
  tpm: z.number().int().nullable(),
  spentUsd: z.number(),
});

export const ZBudget = ZBudgetSettings.extend({
  period: ZPeriod,
  spentUsd: z.number(),
  spentTodayUsd: z.number(),
  /** Limits in force (the workspace's own or the platform default). */
  effectiveRpm: z.number().int(),
  effectiveTpm: z.number().int(),
  webhookSecretSet: z.boolean(),
  /** The daily cap is reached: bots are paused until midnight UTC. */
  paused: z.boolean(),
  downgradeActive: z.boolean(),
  thresholdsPercent: z.array(z.number()),
  agents: z.array(ZAgentBudget),
});
export type Budget = z.infer<typeof ZBudget>;

/** Only the fields given change. */
export const ZUpdateBudgetInput = ZBudgetSettings.partial();
export const ZUpdateBudgetResult = z.object({
  budget: ZBudget,
  /** The webhook signing secret, shown only when it was just created. */
  webhookSecret: z.string().nullable(),
});
export const ZSetAgentBudgetInput = z.object({
  agentId: ZAgentKey,
  monthlyLimitUsd: ZUsdInput.nullable(),
  rpm: ZPerMinute.nullable(),
  tpm: ZPerMinute.nullable(),
});
export const ZWebhookSecret = z.object({ webhookSecret: z.string() });

// --- alerts (gateway.alerts.*) --------------------------------------------------------------------

export const ALERT_KINDS = ['budget_threshold', 'daily_cap'] as const;
export const ZAlertsInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  unacknowledgedOnly: z.boolean().default(false),
});
export const ZAlert = z.object({
  id: ZId,
  kind: z.enum(ALERT_KINDS),
  agentId: z.string().nullable(),
  /** '2026-11' for budget thresholds, '2026-11-22' for a daily cap. */
  period: z.string(),
  thresholdPercent: z.number().int().nullable(),
  limitUsd: z.number(),
  spentUsd: z.number(),
  createdAt: ZIsoDate,
  acknowledgedAt: ZIsoDate.nullable(),
  acknowledgedByEmail: z.string().nullable(),
});
export type BudgetAlert = z.infer<typeof ZAlert>;
export const ZAlertsPage = z.object({ items: z.array(ZAlert), nextCursor: z.string().nullable() });
export const ZAlertIdInput = z.object({ id: ZId });

// --- API keys (gateway.apiKeys.*) -----------------------------------------------------------------

export const ZCreateApiKeyInput = z.object({ name: z.string().trim().min(1, 'Required').max(60) });
export const ZApiKeyIdInput = z.object({ id: ZId });
export const ZApiKey = z.object({
  id: ZId,
  name: z.string(),
  /** The key's first characters, enough to recognise it ('clm_live_Ab3x'). */
  prefix: z.string(),
  last4: z.string(),
  createdAt: ZIsoDate,
  createdByEmail: z.string().nullable(),
  lastUsedAt: ZIsoDate.nullable(),
  revokedAt: ZIsoDate.nullable(),
});
export type ApiKeyDto = z.infer<typeof ZApiKey>;
/** `secret` is the whole key; it is shown this once and never again. */
export const ZCreatedApiKey = z.object({ key: ZApiKey, secret: z.string() });

// --- providers (providers.*, staff) ---------------------------------------------------------------

export const PROVIDER_KINDS = ['api_key', 'oauth_token'] as const;
export const ZProviderKind = z.enum(PROVIDER_KINDS);

export const ZCreateProviderInput = z.object({
  name: z.string().trim().min(1, 'Required').max(60),
  kind: ZProviderKind,
  secret: z.string().trim().min(8, 'Too short').max(1000),
  /** Where the Messages API lives; null = https://api.anthropic.com. */
  baseUrl: z.url().max(300).nullable().default(null),
  /** Lower goes first. */
  priority: z.number().int().min(0).max(10_000),
  rpm: ZPerMinute.nullable().default(null),
  tpm: ZPerMinute.nullable().default(null),
  enabled: z.boolean().default(true),
});
export const ZUpdateProviderInput = z.object({
  id: ZId,
  name: z.string().trim().min(1).max(60).optional(),
  kind: ZProviderKind.optional(),
  /** A new secret replaces the stored one; omit to keep it. */
  secret: z.string().trim().min(8).max(1000).optional(),
  baseUrl: z.url().max(300).nullable().optional(),
  priority: z.number().int().min(0).max(10_000).optional(),
  rpm: ZPerMinute.nullable().optional(),
  tpm: ZPerMinute.nullable().optional(),
  enabled: z.boolean().optional(),
});
export const ZProviderIdInput = z.object({ id: ZId });

export const BREAKER_STATES = ['closed', 'open', 'half_open', 'isolated'] as const;
export const ZProviderHealth = z.object({
  state: z.enum(BREAKER_STATES),
  /** While open: when the next probe may go through. */
  openUntil: ZIsoDate.nullable(),
  lastFailure: z
    .object({ kind: z.string(), status: z.number().int().nullable(), message: z.string(), at: ZIsoDate })
    .nullable(),
  /** A spend-limit 429 takes the provider out until this time. */
  spendLimitedUntil: ZIsoDate.nullable(),
  recentErrors: z.array(
    z.object({ at: ZIsoDate, errorType: z.string().nullable(), model: z.string(), requestId: z.string() }),
  ),
  last24h: z.object({
    calls: z.number().int(),
    errors: z.number().int(),
    costUsd: z.number(),
    p50LatencyMs: z.number().nullable(),
  }),
});
export const ZProvider = z.object({
  id: ZId,
  name: z.string(),
  kind: ZProviderKind,
  baseUrl: z.string().nullable(),
  priority: z.number().int(),
  rpm: z.number().int().nullable(),
  tpm: z.number().int().nullable(),
  enabled: z.boolean(),
  /** '…a1b2': the stored secret is never sent whole. */
  secretHint: z.string(),
  createdAt: ZIsoDate,
  updatedAt: ZIsoDate,
  health: ZProviderHealth,
});
export type ProviderDto = z.infer<typeof ZProvider>;
export const ZProviderTestResult = z.object({
  ok: z.boolean(),
  latencyMs: z.number().int(),
  status: z.number().int().nullable(),
  errorType: z.string().nullable(),
  message: z.string().nullable(),
  requestId: z.string().nullable(),
});
