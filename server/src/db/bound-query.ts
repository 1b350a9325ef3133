// Plain SQL with bound parameters, for the few statements that run on every message or batch.
// MikroORM's `execute` inlines parameters into the statement's text (escaping each value in
// JavaScript): for a usage batch of 150 rows that held the event loop for 2–3 ms. Here values
// travel as protocol parameters, on whichever driver the ORM runs (PostgreSQL or PGlite), inside
// the EntityManager's transaction when it has one. Placeholders are `?`, as with `execute`.
import type { AbstractSqlConnection } from '@mikro-orm/sql';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Em } from './orm.ts';

const numbered = new Map<string, string>();

/** `?` → `$1, $2, …` (statements here never hold a literal question mark), cached per statement. */
function toNumbered(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let i = 0;
    out = sql.replace(/\?/g, () => `$${++i}`);
    if (numbered.size < 1_000) numbered.set(sql, out);
  }
  return out;
}

export async function boundQuery<T = Record<string, unknown>>(
  em: Em,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  const connection = em.getConnection() as unknown as AbstractSqlConnection;
  const runner = (em.getTransactionContext() as Kysely<unknown> | undefined) ?? connection.getClient();
  const result = await runner.executeQuery<T>(CompiledQuery.raw(toNumbered(sql), [...params]));
  return result.rows;
}
