// POST /internal/bot-hosts/heartbeat — bot hosts report in. Authenticated with the shared host
// token (constant-time compare) before the body is even parsed.
import { timingSafeEqual } from 'node:crypto';
import { ZHostHeartbeat } from '@colmeia/shared';
import express, { Router } from 'express';
import { createContainer } from '../../container.ts';
import type { Deps } from '../../deps.ts';

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function hostsInternalRouter(deps: Deps): Router {
  const router = Router();
  router.post(
    '/bot-hosts/heartbeat',
    (req, res, next) => {
      if (tokenMatches(req.headers.authorization, deps.env.BOT_HOST_TOKEN)) next();
      else res.status(401).json({ error: 'unauthorized', message: 'A valid host token is required.' });
    },
    express.json({ limit: '64kb' }),
    async (req, res) => {
      const beat = ZHostHeartbeat.safeParse(req.body);
      if (!beat.success) {
        res.status(400).json({ error: 'invalid', message: 'Invalid heartbeat.', issues: beat.error.issues });
        return;
      }
      await createContainer(deps).hostRegistry.heartbeat(beat.data);
      res.status(204).end();
    },
  );
  return router;
}
