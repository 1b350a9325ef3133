// Reads over the usage rows: budget seeds, the costs page, paging, provider health. Aggregates run
// as SQL (raw queries are not filtered by the ORM, so each names its tenant explicitly).
import { boundQuery } from '../../../db/bound-query.ts';
import type { Em } from '../../../db/orm.ts';
import { forTenant } from '../../../db/tenant-filter.ts';
import { LlmUsage } from './usage.entity.ts';
import type { UsageRecord } from './usage-stream.ts';

export interface UsagePageQuery {
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
  agentId?: string | undefined;
  outcome?: 'ok' | 'error' | 'refused' | undefined;
}

export interface CostRow {
  key: string | null;
  cost: number;
  calls: number;
  input: number;
  output: number;
  cache_write: number;
  cache_read: number;
}

const SLICE = `coalesce(sum(cost_nano), 0)::float8 as cost, count(*)::int as calls,
  coalesce(sum(input_tokens), 0)::float8 as input, coalesce(sum(output_tokens), 0)::float8 as output,
  coalesce(sum(cache_write5m_tokens + cache_write1h_tokens), 0)::float8 as cache_write,
  coalesce(sum(cache_read_tokens), 0)::float8 as cache_read`;

export class UsageRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute(query, params) as Promise<T[]>;
  }

  /**
   * One INSERT for many rows, skipping ids already stored: the usage stream may deliver a row
   * twice (see usage-writer.ts). Columns come from the entity's metadata, so they cannot drift.
   * The rows travel as one bound JSON parameter: inlining ~20 escaped values per row into the
   * statement's text (the ORM's execute) held the gateway's event loop 2–3 ms per batch.
   */
  async insertIgnoringDuplicates(rows: UsageRecord[]): Promise<void> {
    if (!rows.length) return;
    const props = this.em.getMetadata().get(LlmUsage).props;
    const fields = props.map((p) => [p.name as keyof UsageRecord, p.fieldNames[0]!] as const);
    const columns = fields.map(([, column]) => `"${column}"`).join(', ');
    const json = JSON.stringify(
      rows.map((r) => Object.fromEntries(fields.map(([name, column]) => [column, r[name] ?? null]))),
    );
    await boundQuery(
      this.em,
      `insert into llm_usage (${columns}) select ${columns} from json_populate_recordset(null::llm_usage, ?::json)
       on conflict (id) do nothing`,
      [json],
    );
  }

  /** nano-USD billed in [from, to), for the workspace or one of its agents. */
  async sumCost(tenantId: string, agentId: string | null, from: Date, to: Date): Promise<number> {
    const agent = agentId ? 'and agent_id = ?' : '';
    const params = agentId ? [tenantId, from, to, agentId] : [tenantId, from, to];
    const [row] = await this.sql<{ total: number }>(
      `select coalesce(sum(cost_nano), 0)::float8 as total from llm_usage
       where tenant_id = ? and created_at >= ? and created_at < ? ${agent}`,
      params,
    );
    return row?.total ?? 0;
  }

  page(tenantId: string, q: UsagePageQuery): Promise<LlmUsage[]> {
    const where: Record<string, unknown> = { tenant: tenantId };
    if (q.agentId) where.agentId = q.agentId;
    if (q.outcome) where.outcome = q.outcome;
    if (q.after) {
      where.$or = [
        { createdAt: { $lt: q.after.createdAt } },
        { createdAt: q.after.createdAt, id: { $lt: q.after.id } },
      ];
    }
    return this.em.find(LlmUsage, where, {
      ...forTenant(tenantId),
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: q.limit,
    });
  }

  /** Totals by outcome, day, model, agent and channel for [from, to). */
  async costs(tenantId: string, from: Date, to: Date) {
    const range = 'tenant_id = ? and created_at >= ? and created_at < ?';
    const p = [tenantId, from, to];
    const by = (column: string) =>
      this.sql<CostRow>(
        `select ${column} as key, ${SLICE} from llm_usage where ${range} group by 1 order by cost desc, calls desc`,
        p,
      );
    const [outcomes, days, models, agents, channels] = await Promise.all([
      this.sql<{ outcome: string; calls: number; cost: number }>(
        `select outcome, count(*)::int as calls, coalesce(sum(cost_nano), 0)::float8 as cost
         from llm_usage where ${range} group by outcome`,
        p,
      ),
      this.sql<{ day: string; cost: number; calls: number }>(
        `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
           coalesce(sum(cost_nano), 0)::float8 as cost, count(*)::int as calls
         from llm_usage where ${range} group by 1 order by 1`,
        p,
      ),
      by('model'),
      by('agent_id::text'),
      by('channel'),
    ]);
    return { outcomes, days, models, agents, channels };
  }

  /** Per provider since a time: calls, errors, cost and median latency. */
  providerStats(since: Date) {
    return this.sql<{ provider_id: string; calls: number; errors: number; cost: number; p50: number | null }>(
      `select provider_id, count(*)::int as calls,
         count(*) filter (where outcome = 'error')::int as errors,
         coalesce(sum(cost_nano), 0)::float8 as cost,
         percentile_cont(0.5) within group (order by latency_ms) filter (where outcome = 'ok') as p50
       from llm_usage where provider_id is not null and created_at >= ? group by provider_id`,
      [since],
    );
  }

  /** A provider's latest failed calls, across tenants (staff health view: no tenant data shown). */
  recentErrors(providerId: string, limit: number) {
    return this.sql<{ created_at: Date; error_type: string | null; model: string; request_id: string }>(
      `select created_at, error_type, model, request_id from llm_usage
       where provider_id = ? and outcome = 'error' order by created_at desc limit ?`,
      [providerId, limit],
    );
  }
}
