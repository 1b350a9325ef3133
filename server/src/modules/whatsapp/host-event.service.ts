// Applies host events to session records exactly once: the inbox row (the event's id) and the
// record's change commit in one transaction, so a redelivered job finds its id and does nothing.
import { type SessionEvent, ZSessionEvent } from '@colmeia/shared';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../logger.ts';
import { HostEvent } from './host-event.entity.ts';
import { patchFor } from './link-events.ts';
import { WaSessionRepository } from './wa-session.repository.ts';

export type ApplyOutcome = 'applied' | 'duplicate' | 'ignored' | 'unknown_bot';

/**
 * Hooks for other slices (the conversation pipeline takes message events). They run after the
 * record commits and again on a redelivery, so they must be idempotent on the event's own key.
 */
export type EventListener = (event: SessionEvent) => Promise<void>;

export class HostEventService {
  private readonly orm: Orm;
  private readonly logger: Logger;
  private readonly changed: (botId: string) => void;
  readonly listeners: EventListener[] = [];

  constructor(orm: Orm, logger: Logger, changed: (botId: string) => void) {
    this.orm = orm;
    this.logger = logger;
    this.changed = changed;
  }

  async apply(raw: unknown): Promise<ApplyOutcome> {
    const parsed = ZSessionEvent.safeParse(raw);
    if (!parsed.success) {
      // A malformed event will not improve on retry; keep it visible in the log, not in the queue.
      this.logger.error({ issues: parsed.error.issues }, 'host event refused: invalid');
      return 'ignored';
    }
    const event = parsed.data;
    // Message events change no session record; their consumer (the pipeline) dedupes on the
    // WhatsApp message id itself, so they skip the inbox and its transaction.
    if (event.type === 'message.in' || event.type === 'message.ack') {
      for (const listener of this.listeners) await listener(event);
      return 'applied';
    }
    let outcome: ApplyOutcome;
    try {
      outcome = await this.orm.em.fork().transactional(async (em) => {
        const sessions = new WaSessionRepository(em);
        const session = await sessions.lockByBot(event.tenantId);
        if (!session) return 'unknown_bot';
        em.create(HostEvent, { id: event.id, type: event.type, botId: session.bot });
        await em.flush();
        const patch = patchFor(session, event);
        if (patch) em.assign(session, patch);
        return patch ? 'applied' : 'ignored';
      });
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      outcome = 'duplicate';
    }
    if (outcome === 'unknown_bot') {
      this.logger.warn({ eventId: event.id, botId: event.tenantId }, 'host event for an unknown bot');
      return outcome;
    }
    if (outcome === 'applied') this.changed(event.tenantId);
    for (const listener of this.listeners) await listener(event);
    return outcome;
  }
}
