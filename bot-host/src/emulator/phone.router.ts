// The emulated phone's HTTP controls (demo and test modes only): scan a session's QR, write to
// the bot from a contact or a group, drop or conflict the connection, read what the bot sent.
import { Router } from 'express';
import { z } from 'zod';
import type { Supervisor } from '../supervisor.ts';
import { assertTenantKey } from '../volumes/paths.ts';

const ZId = z.string().regex(/^[\w.:-]+@(c\.us|lid|g\.us)$/);
const ZScan = z.object({
  number: z
    .string()
    .regex(/^\d{8,15}$/)
    .optional(),
  name: z.string().max(60).optional(),
  lid: z
    .string()
    .regex(/^\d{5,20}$/)
    .optional(),
});
const ZCode = z.object({ code: z.string().min(4).max(16), name: z.string().max(60).optional() });
const ZInbound = z
  .object({
    chatId: ZId,
    /** Required in groups: the participant writing (a phone id or an @lid id). */
    author: ZId.optional(),
    text: z.string().max(65_536).default(''),
    mentions: z.array(ZId).max(50).default([]),
    quotedId: z.string().max(300).optional(),
    id: z
      .string()
      .regex(/^[A-Z0-9]{8,40}$/)
      .optional(),
    notifyName: z.string().max(60).optional(),
    chatName: z.string().max(100).optional(),
    media: z
      .object({
        type: z.enum(['image', 'video', 'audio', 'ptt', 'document', 'sticker']),
        mimetype: z.string(),
      })
      .optional(),
  })
  .refine((m) => !m.chatId.endsWith('@g.us') || m.author, { message: 'a group message needs an author' });
const ZRead = z.object({ id: z.string().min(5) });
const ZFault = z.object({ fault: z.enum(['kill_browser', 'crash_worker']) });
const ZSince = z.object({ since: z.coerce.number().int().min(0).default(0) });

type LogEntry = { kind: string };

export function phoneRouter(supervisor: Supervisor): Router {
  const router = Router();
  const call = (tenantId: unknown, action: string, args: unknown = {}) =>
    supervisor.phone(assertTenantKey(tenantId), action, args);

  router.get('/emulator/sessions/:tenantId', async (req, res) => {
    res.json(await call(req.params.tenantId, 'status'));
  });
  router.post('/emulator/sessions/:tenantId/scan', async (req, res) => {
    res.json(await call(req.params.tenantId, 'scan', ZScan.parse(req.body ?? {})));
  });
  router.post('/emulator/sessions/:tenantId/code', async (req, res) => {
    res.json(await call(req.params.tenantId, 'enterCode', ZCode.parse(req.body)));
  });
  router.post('/emulator/sessions/:tenantId/messages', async (req, res) => {
    res.status(201).json(await call(req.params.tenantId, 'receive', ZInbound.parse(req.body)));
  });
  router.post('/emulator/sessions/:tenantId/read', async (req, res) => {
    res.json(await call(req.params.tenantId, 'read', ZRead.parse(req.body)));
  });
  for (const action of ['drop', 'reconnect', 'conflict', 'unpair', 'idle'] as const) {
    router.post(`/emulator/sessions/:tenantId/${action}`, async (req, res) => {
      res.json(await call(req.params.tenantId, action));
    });
  }
  router.get('/emulator/sessions/:tenantId/sent', async (req, res) => {
    const log = (await call(req.params.tenantId, 'log', ZSince.parse(req.query))) as LogEntry[];
    res.json({ items: log.filter((e) => e.kind === 'sent') });
  });
  router.get('/emulator/sessions/:tenantId/log', async (req, res) => {
    res.json({ items: await call(req.params.tenantId, 'log', ZSince.parse(req.query)) });
  });
  router.post('/emulator/sessions/:tenantId/faults', (req, res) => {
    supervisor.inject(assertTenantKey(req.params.tenantId), ZFault.parse(req.body).fault);
    res.status(202).json({ ok: true });
  });
  return router;
}
