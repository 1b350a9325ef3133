// The workspace's budget alerts as the SPA lists and acknowledges them.
import type { BudgetAlert as AlertDto } from '@colmeia/shared';
import { nanoToUsd } from '@colmeia/shared';
import { AppError } from '../../../errors.ts';
import type { Actor } from '../../audit/audit.service.ts';
import { decodeCursor, encodeCursor } from '../../audit/audit.service.ts';
import type { BudgetAlert } from './budget-alert.entity.ts';
import type { BudgetAlertRepository } from './budget-alert.repository.ts';

type Repo = Pick<BudgetAlertRepository, 'page' | 'findById' | 'flush'>;

export class AlertService {
  private readonly repo: Repo;
  private readonly now: () => Date;

  constructor(repo: Repo, now: () => Date) {
    this.repo = repo;
    this.now = now;
  }

  async list(
    tenantId: string,
    q: { cursor?: string | undefined; limit: number; unacknowledgedOnly: boolean },
  ): Promise<{ items: AlertDto[]; nextCursor: string | null }> {
    const rows = await this.repo.page(tenantId, {
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
      unacknowledgedOnly: q.unacknowledgedOnly,
    });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return { items: items.map(toDto), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null };
  }

  async acknowledge(actor: Actor, tenantId: string, id: string): Promise<void> {
    const row = await this.repo.findById(tenantId, id);
    if (!row) throw new AppError('NOT_FOUND', 'Alert not found.', { reason: 'alert.not_found' });
    if (row.acknowledgedAt) return;
    row.acknowledgedAt = this.now();
    row.acknowledgedByEmail = actor.impersonator?.email ?? actor.email;
    await this.repo.flush();
  }
}

function toDto(a: BudgetAlert): AlertDto {
  return {
    id: a.id,
    kind: a.kind,
    agentId: a.agentId ?? null,
    period: a.period,
    thresholdPercent: a.kind === 'daily_cap' ? null : a.threshold,
    limitUsd: nanoToUsd(a.limitNano),
    spentUsd: nanoToUsd(a.spentNano),
    createdAt: a.createdAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByEmail: a.acknowledgedByEmail ?? null,
  };
}
