// The costs page and the usage log: a month's spend by day, model, agent and channel with a
// straight-line month-end projection, and the call-by-call rows behind it.
import {
  BUDGET_ALERT_THRESHOLDS,
  type CostSlice,
  type Costs,
  nanoToUsd,
  type UsageRow,
} from '@colmeia/shared';
import { AppError } from '../../../errors.ts';
import { decodeCursor, encodeCursor } from '../../audit/audit.service.ts';
import type { LlmUsage } from './usage.entity.ts';
import type { CostRow, UsageRepository } from './usage.repository.ts';

type Repo = Pick<UsageRepository, 'costs' | 'page'>;

export class UsageReportService {
  private readonly d: {
    repo: Repo;
    now: () => Date;
    monthlyLimitNano: (tenantId: string) => Promise<number | null>;
  };

  constructor(d: UsageReportService['d']) {
    this.d = d;
  }

  async costs(tenantId: string, month?: string): Promise<Costs> {
    const now = this.d.now();
    const period = month ?? now.toISOString().slice(0, 7);
    const [y, m] = period.split('-').map(Number) as [number, number];
    const from = new Date(Date.UTC(y, m - 1, 1));
    const to = new Date(Date.UTC(y, m, 1));
    if (from > now)
      throw new AppError('BAD_REQUEST', 'That month has not started.', {
        fields: { month: ['In the future'] },
      });
    const r = await this.d.repo.costs(tenantId, from, to);
    const count = (o: string) => r.outcomes.find((x) => x.outcome === o)?.calls ?? 0;
    const totalNano = r.outcomes.reduce((sum, x) => sum + x.cost, 0);
    const current = now < to;
    // Elapsed share of the month, at least an hour, so the first minutes do not explode the line.
    const elapsed = Math.max(now.getTime() - from.getTime(), 3_600_000) / (to.getTime() - from.getTime());
    return {
      period,
      totalUsd: nanoToUsd(totalNano),
      calls: r.outcomes.reduce((sum, x) => sum + x.calls, 0),
      failedCalls: count('error'),
      refusedCalls: count('refused'),
      byDay: r.days.map((d) => ({ date: d.day, costUsd: nanoToUsd(d.cost), calls: d.calls })),
      byModel: r.models.map(slice),
      byAgent: r.agents.map(slice),
      byChannel: r.channels.map(slice),
      projectionUsd: current ? nanoToUsd(totalNano / Math.min(1, elapsed)) : null,
      monthlyLimitUsd: await this.d
        .monthlyLimitNano(tenantId)
        .then((n) => (n === null ? null : nanoToUsd(n))),
      thresholdsPercent: [...BUDGET_ALERT_THRESHOLDS],
    };
  }

  async usage(
    tenantId: string,
    q: {
      cursor?: string | undefined;
      limit: number;
      agentId?: string | undefined;
      outcome?: UsageRow['outcome'] | undefined;
    },
  ): Promise<{ items: UsageRow[]; nextCursor: string | null }> {
    const rows = await this.d.repo.page(tenantId, {
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
      agentId: q.agentId,
      outcome: q.outcome,
    });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return { items: items.map(toRow), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
  }
}

function slice(r: CostRow): CostSlice {
  return {
    key: r.key,
    costUsd: nanoToUsd(r.cost),
    calls: r.calls,
    inputTokens: r.input,
    outputTokens: r.output,
    cacheWriteTokens: r.cache_write,
    cacheReadTokens: r.cache_read,
  };
}

function toRow(u: LlmUsage): UsageRow {
  return {
    id: u.id,
    createdAt: u.createdAt.toISOString(),
    agentId: u.agentId ?? null,
    channel: u.channel,
    conversationId: u.conversationId ?? null,
    model: u.model,
    requestedModel: u.requestedModel,
    inputTokens: u.inputTokens,
    outputTokens: u.outputTokens,
    cacheWrite5mTokens: u.cacheWrite5mTokens,
    cacheWrite1hTokens: u.cacheWrite1hTokens,
    cacheReadTokens: u.cacheReadTokens,
    costUsd: nanoToUsd(u.costNano),
    latencyMs: u.latencyMs,
    outcome: u.outcome,
    errorType: u.errorType ?? null,
    requestId: u.requestId,
  };
}
