// Tenant webhooks for the WhatsApp link: connected and disconnected, keyed by the host event's id
// so a redelivered event is one delivery.
import type { SessionEvent } from '@colmeia/shared';
import type { Deps } from '../../deps.ts';
import { WaSession } from './wa-session.entity.ts';

export function linkWebhooks(deps: Deps) {
  return async (event: SessionEvent): Promise<void> => {
    if (event.type !== 'session.ready' && event.type !== 'session.disconnected') return;
    const session = await deps.orm.em
      .fork()
      .findOne(WaSession, { bot: event.tenantId }, { filters: { tenant: false } });
    if (!session) return;
    const data =
      event.type === 'session.ready'
        ? { botId: event.tenantId, number: event.number, name: event.name, at: event.at }
        : {
            botId: event.tenantId,
            reason: event.reason,
            detail: event.detail,
            willRestart: event.willRestart,
            at: event.at,
          };
    await deps.webhooks.emit(session.tenant, {
      id: event.id,
      type: event.type === 'session.ready' ? 'whatsapp.connected' : 'whatsapp.disconnected',
      data,
    });
  };
}
