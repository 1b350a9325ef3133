// The Billing page's meters (messages, bots, groups against the plan) and the per-workspace
// monthly figures reported to Stripe's billing meters.
import type { UsageSummary } from '@colmeia/shared';
import type { Em } from '../../db/orm.ts';
import type { Entitlements } from './entitlements.ts';
import { type MessageQuota, periodOf } from './message-quota.ts';

const monthRange = (period: string) => {
  const start = new Date(`${period}-01T00:00:00Z`);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + 1);
  return [start, end] as const;
};

export class UsageMeters {
  private readonly d: { em: Em; quota: MessageQuota; entitlements: Entitlements };
  constructor(d: UsageMeters['d']) {
    this.d = d;
  }

  async summary(tenantId: string, now: Date): Promise<UsageSummary> {
    const period = periodOf(now);
    const [entitlement, messages, counts, tokens] = await Promise.all([
      this.d.entitlements.of(tenantId),
      this.d.quota.used(tenantId, now),
      this.counts(tenantId),
      this.tokens(tenantId, period),
    ]);
    const limits = entitlement.plan.limits;
    return {
      period,
      meters: [
        { key: 'messages', used: messages, limit: limits.messagesPerMonth },
        { key: 'bots', used: counts.bots, limit: limits.bots },
        { key: 'groups', used: counts.groups, limit: limits.groups },
      ],
      tokens,
    };
  }

  /** Workspaces with any answered message or LLM call this month, for Stripe's meters. */
  async tenantsWithUsage(period: string): Promise<{ tenantId: string; messages: number; tokens: number }[]> {
    const [start, end] = monthRange(period);
    const rows: { tenant_id: string; messages: string; tokens: string }[] = await this.d.em
      .getConnection()
      .execute(
        `select t.tenant_id, coalesce(m.n, 0) as messages, coalesce(u.n, 0) as tokens
         from (select tenant_id from chat_message where created_at >= ? and created_at < ? and direction = 'in' and status = 'answered'
               union select tenant_id from llm_usage where created_at >= ? and created_at < ?) t
         left join (select tenant_id, count(*) n from chat_message where created_at >= ? and created_at < ? and direction = 'in' and status = 'answered' group by tenant_id) m using (tenant_id)
         left join (select tenant_id, sum(input_tokens + output_tokens + cache_write5m_tokens + cache_write1h_tokens + cache_read_tokens) n from llm_usage where created_at >= ? and created_at < ? group by tenant_id) u using (tenant_id)`,
        [start, end, start, end, start, end, start, end],
      );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      messages: Number(r.messages),
      tokens: Number(r.tokens),
    }));
  }

  /** Answered inbound messages this month per the database (seeds the quota counter). */
  async answered(tenantId: string, period: string): Promise<number> {
    const [start, end] = monthRange(period);
    const [row] = await this.d.em
      .getConnection()
      .execute(
        `select count(*)::int as n from chat_message where tenant_id = ? and direction = 'in' and status = 'answered' and created_at >= ? and created_at < ?`,
        [tenantId, start, end],
      );
    return (row as { n: number }).n;
  }

  private async counts(tenantId: string): Promise<{ bots: number; groups: number }> {
    // Groups: the most any one bot lists in its latest configuration (the plan limit is per bot).
    const [row] = await this.d.em.getConnection().execute(
      `select (select count(*)::int from bot where tenant_id = ?) as bots,
              coalesce((select max(jsonb_array_length(v.config->'groups'->'list')) from (
                select distinct on (bot_id) config from bot_config_version where tenant_id = ? order by bot_id, version desc) v), 0)::int as groups`,
      [tenantId, tenantId],
    );
    return row as { bots: number; groups: number };
  }

  private async tokens(tenantId: string, period: string): Promise<number> {
    const [start, end] = monthRange(period);
    const [row] = await this.d.em.getConnection().execute(
      `select coalesce(sum(input_tokens + output_tokens + cache_write5m_tokens + cache_write1h_tokens + cache_read_tokens), 0)::float8 as n
         from llm_usage where tenant_id = ? and created_at >= ? and created_at < ?`,
      [tenantId, start, end],
    );
    return Math.round((row as { n: number }).n);
  }
}
