// The price table the gateway bills with, versioned by the date each version takes effect, so a
// call is always priced with the table that was in force when it was made (usage rows keep it).
// Prices are USD per million tokens as Anthropic publishes them; code works in integer nano-USD
// per token (USD/MTok × 1000), which keeps every sum exact and fits Redis INCRBY.

export type ModelFamily = 'opus' | 'sonnet' | 'haiku';
export const MODEL_FAMILIES: readonly ModelFamily[] = ['opus', 'sonnet', 'haiku'];

/** USD per million tokens. */
export interface ModelRates {
  input: number;
  output: number;
  /** Writing a prompt-cache entry that lives 5 minutes. */
  cacheWrite5m: number;
  /** Writing a prompt-cache entry that lives 1 hour. */
  cacheWrite1h: number;
  cacheRead: number;
}

export interface ModelPrice {
  family: ModelFamily;
  rates: ModelRates;
}

export interface PriceTable {
  version: string;
  /** UTC date from which this table applies. */
  effectiveFrom: string;
  models: Record<string, ModelPrice>;
}

/** Anthropic's cache multipliers over the input price. */
export const CACHE_MULTIPLIERS = { write5m: 1.25, write1h: 2, read: 0.1 } as const;

function standard(family: ModelFamily, input: number, output: number, over: Partial<ModelRates> = {}) {
  return {
    family,
    rates: {
      input,
      output,
      cacheWrite5m: input * CACHE_MULTIPLIERS.write5m,
      cacheWrite1h: input * CACHE_MULTIPLIERS.write1h,
      cacheRead: input * CACHE_MULTIPLIERS.read,
      ...over,
    },
  } satisfies ModelPrice;
}

// platform.claude.com pricing page. The Opus 5 / Opus 5.5 / Sonnet 5.x rows come from release notes
// reported by third parties (see shared/research/llm-gateway.md §4): re-check them when updating.
const AUGUST_2026: Record<string, ModelPrice> = {
  'claude-opus-5-5': standard('opus', 4, 20),
  'claude-opus-5': standard('opus', 5, 25),
  'claude-opus-4-8': standard('opus', 5, 25),
  'claude-opus-4-7': standard('opus', 5, 25),
  'claude-opus-4-6': standard('opus', 5, 25),
  'claude-opus-4-5': standard('opus', 5, 25),
  'claude-sonnet-5-5': standard('sonnet', 2, 10),
  'claude-sonnet-5': standard('sonnet', 2, 10),
  'claude-sonnet-4-6': standard('sonnet', 3, 15),
  // Deprecated, end of life 2026-11-30 (per @anthropic-ai/sdk); priced while it still answers.
  'claude-sonnet-4-5': standard('sonnet', 3, 15),
  'claude-haiku-4-5': standard('haiku', 1, 5),
};

/** Oldest first. */
export const PRICE_TABLES: readonly PriceTable[] = [
  { version: '2026-08-01', effectiveFrom: '2026-08-01', models: AUGUST_2026 },
  {
    // Sonnet 5.5 cache reads dropped to $0.10/MTok (0.05× input, not the usual 0.1×).
    version: '2026-10-07',
    effectiveFrom: '2026-10-07',
    models: { ...AUGUST_2026, 'claude-sonnet-5-5': standard('sonnet', 2, 10, { cacheRead: 0.1 }) },
  },
];

/** The model each family falls to when a budget runs low: the cheapest current one. */
export const DOWNGRADE_MODEL: Record<Exclude<ModelFamily, 'opus'>, string> = {
  sonnet: 'claude-sonnet-4-6',
  haiku: 'claude-haiku-4-5',
};

export function priceTableAt(at: Date): PriceTable {
  const day = at.toISOString().slice(0, 10);
  let table = PRICE_TABLES[0]!;
  for (const t of PRICE_TABLES) if (t.effectiveFrom <= day) table = t;
  return table;
}

/** Dated snapshots ('claude-haiku-4-5-20251001') are priced as their alias. */
export function canonicalModel(model: string): string {
  return model.replace(/-\d{8}$/, '');
}

/** Integer nano-USD per token for each kind of token. */
export type NanoRates = ModelRates;

export interface ResolvedPrice {
  version: string;
  model: string;
  family: ModelFamily;
  nano: NanoRates;
}

export function findModelPrice(model: string, at: Date = new Date()): ResolvedPrice | null {
  const table = priceTableAt(at);
  const name = canonicalModel(model);
  const price = table.models[name];
  if (!price) return null;
  const r = price.rates;
  const nano = (usdPerMTok: number) => Math.round(usdPerMTok * 1000);
  return {
    version: table.version,
    model: name,
    family: price.family,
    nano: {
      input: nano(r.input),
      output: nano(r.output),
      cacheWrite5m: nano(r.cacheWrite5m),
      cacheWrite1h: nano(r.cacheWrite1h),
      cacheRead: nano(r.cacheRead),
    },
  };
}

/** Token counts as billed: cache tokens are never part of inputTokens (Anthropic reports them apart). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  cacheReadTokens: number;
}

export function costNanoUsd(usage: TokenUsage, nano: NanoRates): number {
  return (
    usage.inputTokens * nano.input +
    usage.outputTokens * nano.output +
    usage.cacheWrite5mTokens * nano.cacheWrite5m +
    usage.cacheWrite1hTokens * nano.cacheWrite1h +
    usage.cacheReadTokens * nano.cacheRead
  );
}

export const NANO_PER_USD = 1_000_000_000;
export const nanoToUsd = (nano: number): number => nano / NANO_PER_USD;
export const usdToNano = (usd: number): number => Math.round(usd * NANO_PER_USD);
