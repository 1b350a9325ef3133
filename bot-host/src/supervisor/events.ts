// Turns what a run reports into slot state and protocol events with deterministic ids, and hands
// them to the EventSink. The only place that builds SessionEvent envelopes.
import type { SessionEvent, SessionState } from '@colmeia/shared';
import { eventId } from '@colmeia/shared';
import type { EventSink } from '../events/sink.ts';
import type { Logger } from '../logger.ts';
import type { DriverEvent } from '../session/driver-events.ts';
import type { SessionSlot } from './slot.ts';

type Body<E = SessionEvent> = E extends SessionEvent
  ? Omit<E, 'id' | 'tenantId' | 'hostId' | 'runId' | 'at'>
  : never;

const DROPPED = new Set(['TIMEOUT', 'OPENING', 'PAIRING']);

export class SlotEvents {
  readonly #sink: EventSink;
  readonly #hostId: string;
  readonly #logger: Logger;
  readonly #onState: (slot: SessionSlot) => void;

  constructor(sink: EventSink, hostId: string, logger: Logger, onState: (slot: SessionSlot) => void) {
    this.#sink = sink;
    this.#hostId = hostId;
    this.#logger = logger;
    this.#onState = onState;
  }

  publish(slot: SessionSlot, runId: string, key: string, body: Body): void {
    const event = {
      ...body,
      id: eventId(slot.tenantId, body.type, key),
      tenantId: slot.tenantId,
      hostId: this.#hostId,
      runId,
      at: new Date().toISOString(),
    } as SessionEvent;
    this.#sink
      .publish(event)
      .catch((error) => this.#logger.error({ err: error, eventId: event.id }, 'event not delivered'));
  }

  setState(slot: SessionSlot, state: SessionState): void {
    if (slot.state === state) return;
    slot.state = state;
    slot.since = new Date();
    const runId = slot.runId;
    this.publish(slot, runId, `${runId}.${slot.nextSeq()}`, {
      type: 'session.state',
      state,
      waState: slot.waState,
    });
    this.#onState(slot);
  }

  /** Applies one driver event to the slot and publishes what the server needs to know. */
  apply(slot: SessionSlot, runId: string, event: DriverEvent): void {
    switch (event.type) {
      case 'browser':
        slot.browserPid = event.pid;
        return;
      case 'qr':
        slot.qr = {
          qr: event.qr,
          dataUrl: event.dataUrl,
          attempt: event.attempt,
          at: new Date().toISOString(),
        };
        this.setState(slot, 'qr');
        this.publish(slot, runId, `${runId}.${event.attempt}`, { type: 'session.qr', qr: slot.qr });
        return;
      case 'pairing_code':
        slot.pairingCode = event.code;
        this.publish(slot, runId, `${runId}.${event.code}`, {
          type: 'session.pairing_code',
          code: event.code,
          phoneNumber: event.phoneNumber,
        });
        return;
      case 'authenticated':
        slot.qr = null;
        slot.pairingCode = null;
        this.setState(slot, 'authenticated');
        this.publish(slot, runId, runId, { type: 'session.authenticated' });
        return;
      case 'ready':
        Object.assign(slot, { wid: event.wid, lid: event.lid, number: event.number, name: event.name });
        slot.readyAt = new Date();
        slot.waState = 'CONNECTED';
        if (slot.run) slot.run.reachedReady = true;
        slot.counters = { attempts: 0, qrExpiries: 0 };
        this.setState(slot, 'ready');
        this.publish(slot, runId, runId, {
          type: 'session.ready',
          wid: event.wid,
          number: event.number,
          name: event.name,
          platform: event.platform,
        });
        return;
      case 'wa_state':
        slot.waState = event.waState;
        if (slot.state === 'ready' && DROPPED.has(event.waState)) this.setState(slot, 'reconnecting');
        else if (slot.state === 'reconnecting' && event.waState === 'CONNECTED') this.setState(slot, 'ready');
        return;
      case 'message':
        this.publish(slot, runId, event.message.waMessageId, { type: 'message.in', message: event.message });
        return;
      case 'ack':
        this.publish(slot, runId, `${event.waMessageId}.${event.ack}`, {
          type: 'message.ack',
          waMessageId: event.waMessageId,
          chatId: event.chatId,
          ack: event.ack,
        });
    }
  }
}
