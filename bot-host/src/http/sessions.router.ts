// Control API over sessions: start, stop, restart, logout, status, send and other commands.
// Thin: validate with the shared protocol schemas, call the supervisor, map results to statuses.
import { type CommandResult, ZSessionCommand, ZStartOptions } from '@colmeia/shared';
import { type Response, Router } from 'express';
import { z } from 'zod';
import type { Supervisor } from '../supervisor.ts';
import { assertTenantKey } from '../volumes/paths.ts';

const ZSendCommand = ZSessionCommand.refine((c) => c.type === 'send_text' || c.type === 'send_media', {
  message: 'send takes send_text or send_media; use /commands for the others',
});

const STATUS_OF: Record<string, number> = {
  not_running: 409,
  not_found: 404,
  invalid: 400,
  capacity: 409,
  failed: 502,
  timeout: 504,
};

function reply(res: Response, result: CommandResult): void {
  res.status(result.ok ? 200 : (STATUS_OF[result.code] ?? 500)).json(result);
}

export function sessionsRouter(supervisor: Supervisor): Router {
  const router = Router();
  const tenant = (params: Record<string, string | string[] | undefined>) => assertTenantKey(params.tenantId);

  router.get('/sessions', (_req, res) => {
    res.json({ items: supervisor.list() });
  });
  router.get('/sessions/:tenantId', (req, res) => {
    res.json(supervisor.status(tenant(req.params)));
  });
  router.post('/sessions/:tenantId/start', async (req, res) => {
    const options = ZStartOptions.parse(req.body ?? {});
    res.status(202).json(await supervisor.start(tenant(req.params), options));
  });
  router.post('/sessions/:tenantId/stop', async (req, res) => {
    res.json(await supervisor.stop(tenant(req.params)));
  });
  router.post('/sessions/:tenantId/restart', async (req, res) => {
    res.status(202).json(await supervisor.restart(tenant(req.params)));
  });
  router.post('/sessions/:tenantId/logout', async (req, res) => {
    res.json(await supervisor.logout(tenant(req.params)));
  });
  router.post('/sessions/:tenantId/deprovision', async (req, res) => {
    res.json(await supervisor.deprovision(tenant(req.params)));
  });
  router.post('/sessions/:tenantId/purge', async (req, res) => {
    res.json({ status: await supervisor.purge(tenant(req.params)) });
  });
  router.post('/sessions/:tenantId/send', async (req, res) => {
    reply(res, await supervisor.command(tenant(req.params), ZSendCommand.parse(req.body)));
  });
  router.post('/sessions/:tenantId/commands', async (req, res) => {
    reply(res, await supervisor.command(tenant(req.params), ZSessionCommand.parse(req.body)));
  });
  return router;
}

export const ZEventsQuery = z.object({ tenantId: z.string().optional(), type: z.string().optional() });
