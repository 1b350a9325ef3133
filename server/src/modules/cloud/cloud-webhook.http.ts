// /webhooks/whatsapp/:botId — Meta's callbacks for a Cloud API bot. GET is the subscription
// handshake (echo hub.challenge when hub.verify_token matches). POST bodies are taken raw and their
// X-Hub-Signature-256 checked with the bot's app secret before anything is parsed; then inbound
// messages go to the pipeline queue (job id = bot + wamid, so Meta's redeliveries are no-ops),
// statuses move replies forward and reactions become feedback. Meta wants a quick 200.
import { timingSafeEqual } from 'node:crypto';
import { ZId } from '@colmeia/shared';
import express, { type Request, type Response, Router } from 'express';
import { createContainer } from '../../container.ts';
import type { Deps } from '../../deps.ts';
import { CloudRepository } from './cloud.repository.ts';
import { type DeliveryStatus, parseCallback, type StatusUpdate, ZCallback } from './cloud-payload.ts';
import { SIGNATURE_HEADER, signatureMatches } from './signature.ts';

const MAX_BODY = '512kb';
const ACK: Record<DeliveryStatus, number> = { failed: -1, sent: 1, delivered: 2, read: 3 };
/** A status may beat our record of the send's id (Meta calls back while we still store it). */
const LATE_STATUS_DELAYS_MS = [500, 2_000, 8_000];

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function cloudWebhookRouter(deps: Deps): Router {
  const router = Router();
  const settingsOf = (req: Request) => {
    const botId = String(req.params.botId);
    return ZId.safeParse(botId).success
      ? new CloudRepository(deps.orm.em.fork()).findForWebhook(botId)
      : Promise.resolve(null);
  };

  router.get('/whatsapp/:botId', async (req: Request, res: Response) => {
    const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = req.query;
    const settings = await settingsOf(req);
    const ok =
      settings &&
      mode === 'subscribe' &&
      typeof token === 'string' &&
      typeof challenge === 'string' &&
      challenge.length <= 256 &&
      sameText(token, settings.verifyToken);
    res.type('text/plain').set('x-content-type-options', 'nosniff');
    if (!ok) {
      res.status(403).send('Forbidden');
      return;
    }
    await new CloudRepository(deps.orm.em.fork()).stamp(settings, { verifiedAt: deps.clock.now() });
    res.status(200).send(challenge);
  });

  router.post(
    '/whatsapp/:botId',
    express.raw({ type: () => true, limit: MAX_BODY }),
    async (req: Request, res: Response) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const header = req.get(SIGNATURE_HEADER);
      if (!header) {
        res.status(401).json({ error: 'unauthorized', message: 'X-Hub-Signature-256 is required.' });
        return;
      }
      const settings = await settingsOf(req);
      const secret = settings?.appSecretSealed ? deps.gateway.box.open(settings.appSecretSealed) : null;
      if (!settings || !secret || !signatureMatches(raw, header, secret)) {
        res.status(403).json({ error: 'forbidden', message: 'Invalid signature.' });
        return;
      }
      let body: ReturnType<typeof ZCallback.parse>;
      try {
        body = ZCallback.parse(JSON.parse(raw.toString('utf8')));
      } catch {
        res.status(400).json({ error: 'invalid', message: 'Not a WhatsApp Business Account callback.' });
        return;
      }
      const bot = {
        tenantId: settings.tenant,
        botId: settings.bot,
        phoneNumberId: settings.phoneNumberId ?? null,
      };
      const parsed = parseCallback(body, bot);
      if (parsed.problems.length)
        deps.logger.warn({ botId: bot.botId, problems: parsed.problems }, 'cloud callback');
      // Queued before answering: a 200 means the message is safe with us.
      for (const input of parsed.messages) await deps.conversations.enqueue(input);
      const c = createContainer(deps);
      for (const r of parsed.reactions)
        await c.conversations.feedbackByExternal(bot.tenantId, bot.botId, r.wamid, r.feedback);
      const late = await applyStatuses(deps, bot, parsed.statuses);
      await new CloudRepository(deps.orm.em.fork()).stamp(settings, { lastWebhookAt: deps.clock.now() });
      res.status(200).end();
      retryLate(deps, bot, late, 0);
    },
  );
  return router;
}

type BotRef = { tenantId: string; botId: string };

/** Applies the updates; returns those whose message is not known (yet). */
async function applyStatuses(deps: Deps, bot: BotRef, updates: StatusUpdate[]): Promise<StatusUpdate[]> {
  if (!updates.length) return [];
  const conversations = createContainer(deps).conversations;
  const unknown: StatusUpdate[] = [];
  for (const u of updates) {
    if (!(await conversations.applyAck(bot.tenantId, bot.botId, u.wamid, ACK[u.status], u.error)))
      unknown.push(u);
  }
  return unknown;
}

/** Tries unknown statuses again a few times, then lets them go (a send made outside Colmeia). */
function retryLate(deps: Deps, bot: BotRef, updates: StatusUpdate[], attempt: number): void {
  if (!updates.length) return;
  const delay = LATE_STATUS_DELAYS_MS[attempt];
  if (delay === undefined) {
    deps.logger.info(
      { botId: bot.botId, wamids: updates.map((u) => u.wamid) },
      'statuses for unknown messages',
    );
    return;
  }
  setTimeout(() => {
    applyStatuses(deps, bot, updates).then(
      (still) => retryLate(deps, bot, still, attempt + 1),
      (err) => deps.logger.warn({ err, botId: bot.botId }, 'late cloud statuses not applied'),
    );
  }, delay).unref();
}
