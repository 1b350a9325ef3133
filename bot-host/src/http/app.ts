// The control API's express app: health (open), everything else behind the host token, errors
// mapped once here. Emulator controls are mounted only when the host runs the emulator.
import express, { type ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import { phoneRouter } from '../emulator/phone.router.ts';
import type { MemoryEventSink } from '../events/sink.ts';
import type { Logger } from '../logger.ts';
import { SupervisorError } from '../supervisor/errors.ts';
import type { Pool } from '../supervisor/runner.ts';
import type { Supervisor } from '../supervisor.ts';
import { InvalidTenantError } from '../volumes/paths.ts';
import { RestoreError } from '../volumes/snapshots.ts';
import { requireHostToken } from './auth.ts';
import { hostHealth } from './health.ts';
import type { HostMetrics } from './metrics.ts';
import { sessionsRouter, ZEventsQuery } from './sessions.router.ts';

export type AppDeps = {
  supervisor: Supervisor;
  pool: Pool;
  metrics: HostMetrics;
  logger: Logger;
  hostId: string;
  hostToken: string;
  capacity: number;
  emulator: boolean;
  memorySink: MemoryEventSink | null;
};

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  app.get('/health', (_req, res) => {
    const health = hostHealth(deps);
    res.status(health.ok ? 200 : 503).json(health);
  });

  app.use(requireHostToken(deps.hostToken));
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  app.use(sessionsRouter(deps.supervisor));
  if (deps.memorySink) {
    const sink = deps.memorySink;
    app.get('/events', (req, res) => {
      const q = ZEventsQuery.parse(req.query);
      res.json({
        items: sink.list((e) => (!q.tenantId || e.tenantId === q.tenantId) && (!q.type || e.type === q.type)),
      });
    });
  }
  if (deps.emulator) app.use(phoneRouter(deps.supervisor));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found', message: 'no such endpoint' });
  });
  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    if (error instanceof ZodError) {
      res.status(400).json({ error: 'invalid', message: 'invalid request', issues: error.issues });
    } else if (error instanceof InvalidTenantError) {
      res.status(400).json({ error: 'invalid_tenant', message: error.message });
    } else if (error instanceof SupervisorError) {
      res.status(error.status).json({ error: error.code, message: error.message });
    } else if (error instanceof RestoreError) {
      res.status(409).json({ error: 'restore_failed', message: error.message });
    } else if (error?.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid', message: 'malformed JSON body' });
    } else {
      deps.logger.error({ err: error, path: req.path }, 'request failed');
      res.status(500).json({ error: 'internal', message: 'internal error' });
    }
  };
  app.use(onError);
  return app;
}
