// The providers as the router sees them: enabled ones in priority order, each with its SDK client
// (secret opened once, not per call). Reloaded from the database every few seconds in the
// background, so a staff edit on one instance reaches the others without a restart.
import Anthropic from '@anthropic-ai/sdk';
import type { Orm } from '../../../db/orm.ts';
import type { Logger } from '../../../logger.ts';
import type { BreakerRegistry } from '../breaker/breakers.ts';
import type { RedisGate } from '../limits/redis-gate.ts';
import { nodeFetch } from './node-fetch.ts';
import { LlmProvider } from './provider.entity.ts';
import type { SecretBox } from './secret-box.ts';

export const ANTHROPIC_URL = 'https://api.anthropic.com';
const REFRESH_MS = 2_000;

export interface PoolProvider {
  id: string;
  name: string;
  kind: 'api_key' | 'oauth_token';
  priority: number;
  rpm: number | null;
  tpm: number | null;
  client: Anthropic;
  /** Changes whenever staff save the provider. */
  version: number;
}

export class ProviderPool {
  private providers: PoolProvider[] = [];
  private readonly spendLimited = new Map<string, number>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  private readonly d: {
    orm: Orm;
    box: SecretBox;
    gate: RedisGate;
    logger: Logger;
    timeoutMs: number;
  };
  breakers: BreakerRegistry | null = null;

  constructor(d: ProviderPool['d']) {
    this.d = d;
  }

  /** Enabled providers, best first; reloads in the background when the list is old. */
  async list(): Promise<PoolProvider[]> {
    if (!this.loadedAt) await this.refresh();
    else if (Date.now() - this.loadedAt > REFRESH_MS) void this.refresh().catch(() => {});
    return this.providers;
  }

  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const em = this.d.orm.em.fork();
    const rows = await em.find(LlmProvider, { enabled: true }, { orderBy: { priority: 'asc', name: 'asc' } });
    const known = new Map(this.providers.map((p) => [p.id, p]));
    const next: PoolProvider[] = [];
    for (const row of rows) {
      const version = row.updatedAt.getTime();
      const same = known.get(row.id);
      if (same && same.version === version) {
        next.push({ ...same, priority: row.priority, rpm: row.rpm ?? null, tpm: row.tpm ?? null });
        continue;
      }
      try {
        const secret = this.d.box.open(row.secretSealed);
        // Values sealed with a retired key are re-sealed with the current one as they are read.
        if (this.d.box.isStale(row.secretSealed)) row.secretSealed = this.d.box.seal(secret);
        next.push(this.build(row, secret, version));
      } catch (err) {
        this.d.logger.error(
          { err, providerId: row.id },
          'provider secret cannot be opened; provider skipped',
        );
      }
    }
    await em.flush();
    this.providers = next;
    // Redis holds the truth (another instance may have set or cleared a flag).
    const limits = await this.d.gate.spendLimits(next.map((p) => p.id));
    this.spendLimited.clear();
    for (const [id, until] of limits) this.spendLimited.set(id, until);
    this.loadedAt = Date.now();
  }

  /** A pool entry (with its SDK client) for a row; also used by the staff "test" action. */
  build(row: LlmProvider, secret: string, version: number): PoolProvider {
    const oauth = row.kind === 'oauth_token';
    const client = new Anthropic({
      // Explicit nulls keep the SDK from picking credentials or a base URL up from the environment.
      apiKey: oauth ? null : secret,
      authToken: oauth ? secret : null,
      baseURL: row.baseUrl ?? ANTHROPIC_URL,
      // The gateway owns retries and fallbacks; the SDK must not retry behind its back.
      maxRetries: 0,
      timeout: this.d.timeoutMs,
      // Claude OAuth tokens are accepted on the Messages API only with this beta flag.
      defaultHeaders: oauth ? { 'anthropic-beta': 'oauth-2025-04-20' } : undefined,
      fetch: nodeFetch,
      // The SDK opens an OpenTelemetry span per call (a no-op one without a tracer provider, still
      // ~20 µs of work each); the gateway records its own usage and latency, so tracing stays off.
      openTelemetry: false,
    });
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      priority: row.priority,
      rpm: row.rpm ?? null,
      tpm: row.tpm ?? null,
      client,
      version,
    };
  }

  invalidate(): void {
    this.loadedAt = 0;
  }

  isSpendLimited(providerId: string, nowMs: number): boolean {
    return (this.spendLimited.get(providerId) ?? 0) > nowMs;
  }

  async markSpendLimited(providerId: string, untilMs: number, nowMs: number): Promise<void> {
    this.spendLimited.set(providerId, untilMs);
    await this.d.gate.markSpendLimited(providerId, untilMs, nowMs);
  }

  async clearSpendLimit(providerId: string): Promise<void> {
    this.spendLimited.delete(providerId);
    await this.d.gate.clearSpendLimit(providerId);
  }

  /** Whether no other provider could take a call now (then this one's breaker must not open). */
  isLastAvailable(providerId: string): boolean {
    const now = Date.now();
    return !this.providers.some(
      (p) =>
        p.id !== providerId &&
        !this.isSpendLimited(p.id, now) &&
        (this.breakers?.get(p.id).available(now) ?? true),
    );
  }
}
