// What staff see of a provider's health: its breaker on this instance, a spend-limit flag shared
// through Redis, and the last 24 hours of calls from the usage rows (shared by every instance).
import type { ProviderDto } from '@colmeia/shared';
import { nanoToUsd } from '@colmeia/shared';
import type { BreakerRegistry } from '../breaker/breakers.ts';
import type { RedisGate } from '../limits/redis-gate.ts';
import type { UsageRepository } from '../usage/usage.repository.ts';

type Health = ProviderDto['health'];
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function providerHealth(
  ids: string[],
  d: {
    breakers: BreakerRegistry;
    gate: RedisGate;
    usage: Pick<UsageRepository, 'providerStats' | 'recentErrors'>;
  },
  now: Date,
): Promise<Map<string, Health>> {
  const [stats, spend, errors] = await Promise.all([
    d.usage.providerStats(new Date(now.getTime() - 86_400_000)),
    d.gate.spendLimits(ids),
    Promise.all(ids.map((id) => d.usage.recentErrors(id, 5))),
  ]);
  const out = new Map<string, Health>();
  ids.forEach((id, i) => {
    const b = d.breakers.get(id).snapshot();
    const s = stats.find((row) => row.provider_id === id);
    const until = spend.get(id) ?? null;
    out.set(id, {
      state: b.state,
      openUntil: b.state === 'open' ? iso(b.openUntil) : null,
      lastFailure: b.lastFailure
        ? {
            kind: b.lastFailure.kind,
            status: b.lastFailure.status,
            message: b.lastFailure.message.slice(0, 300),
            at: iso(b.lastFailure.at)!,
          }
        : null,
      spendLimitedUntil: until && until > Date.now() ? iso(until) : null,
      recentErrors: (errors[i] ?? []).map((e) => ({
        at: new Date(e.created_at).toISOString(),
        errorType: e.error_type,
        model: e.model,
        requestId: e.request_id,
      })),
      last24h: {
        calls: s?.calls ?? 0,
        errors: s?.errors ?? 0,
        costUsd: nanoToUsd(s?.cost ?? 0),
        p50LatencyMs: s?.p50 == null ? null : Math.round(s.p50),
      },
    });
  });
  return out;
}
