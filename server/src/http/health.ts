// GET /health: 200 when the database and Redis both answer, 503 (with which one failed) otherwise.
import type { Request, Response } from 'express';
import type { Deps } from '../deps.ts';

async function probe(run: () => Promise<unknown>): Promise<'ok' | string> {
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
    ]);
    return 'ok';
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

export function healthHandler(deps: Deps) {
  return async (_req: Request, res: Response) => {
    const [database, redis] = await Promise.all([
      probe(() => deps.orm.em.fork().getConnection().execute('select 1')),
      probe(() => deps.redis.ping()),
    ]);
    const ok = database === 'ok' && redis === 'ok';
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'degraded', database, redis, mode: deps.env.COLMEIA_MODE });
  };
}
