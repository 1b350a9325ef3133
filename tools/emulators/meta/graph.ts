// The Graph API's messages edge as the emulator answers it: bearer token check, request checks
// with Meta's error shapes, mark-as-read / typing indicators, injected faults, and the 24-hour
// customer service window (a free-form message outside it is accepted, then fails with 131047).
import { defaultMode, type FaultBook, graphError } from './faults.ts';
import type { NumberBook } from './numbers.ts';
import { newWamid, waIdOf } from './payloads.ts';

export interface SendLogEntry {
  phoneNumberId: string;
  to: string | null;
  type: string | null;
  text: string | null;
  /** context.message_id: the message this one quotes. */
  replyTo: string | null;
  /** The WAMID given (null when the send was refused). */
  id: string | null;
  status: number;
  errorCode: number | null;
  body: unknown;
  at: number;
}

export interface SendOutcome {
  status: number;
  body: unknown;
  log: SendLogEntry | null;
  /** What the status callbacks will say about an accepted message. */
  followUp: { wamid: string; waId: string; failure: { code: number; details?: string } | null } | null;
}

export interface GraphContext {
  numbers: NumberBook;
  faults: FaultBook;
  enforceWindow: boolean;
  nowSeconds: () => number;
}

const WINDOW_SECONDS = 24 * 3600;

type Body = Record<string, unknown> & {
  messaging_product?: unknown;
  to?: unknown;
  type?: unknown;
  status?: unknown;
  message_id?: unknown;
  text?: { body?: unknown };
  context?: { message_id?: unknown };
};

export function handleMessages(
  ctx: GraphContext,
  phoneNumberId: string,
  token: string,
  body: Body,
): SendOutcome {
  const reading = body?.status === 'read';
  const log: SendLogEntry = {
    phoneNumberId,
    to: typeof body?.to === 'string' ? body.to : null,
    type: reading ? 'read' : typeof body?.type === 'string' ? body.type : 'text',
    text: typeof body?.text?.body === 'string' ? body.text.body : null,
    replyTo: typeof body?.context?.message_id === 'string' ? body.context.message_id : null,
    id: null,
    status: 200,
    errorCode: null,
    body,
    at: Date.now(),
  };
  const refuse = (code: number, message?: string) => {
    const e = graphError(code, message ? { message } : {});
    Object.assign(log, { status: e.status, errorCode: code });
    return { status: e.status, body: e.body, log, followUp: null };
  };
  const n = ctx.numbers.get(phoneNumberId);
  if (!n) {
    return refuse(
      100,
      `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    );
  }
  if (!token)
    return refuse(190, 'An active access token must be used to query information about the current user.');
  if (n.accessToken !== undefined && token !== n.accessToken)
    return refuse(190, 'Invalid OAuth access token - Cannot parse access token');
  if (body?.messaging_product !== 'whatsapp')
    return refuse(100, '(#100) The parameter messaging_product is required.');

  // Mark as read, with or without a typing indicator.
  if (reading) {
    if (typeof body.message_id !== 'string')
      return refuse(100, '(#100) The parameter message_id is required.');
    return { status: 200, body: { success: true }, log, followUp: null };
  }
  if (typeof body.to !== 'string' || !body.to) return refuse(100, '(#100) The parameter to is required.');
  const { type, text } = log;
  if (type === 'text' && !text) return refuse(100, "(#100) Param text['body'] is required.");

  const waId = waIdOf(body.to);
  const fault = ctx.faults.take({ phoneNumberId, to: body.to });
  if (fault && (fault.mode ?? defaultMode(fault.code)) === 'sync') {
    const e = graphError(fault.code, fault.details ? { details: fault.details } : {});
    Object.assign(log, { status: e.status, errorCode: fault.code });
    return { status: e.status, body: e.body, log, followUp: null };
  }
  let failure = fault ? { code: fault.code, ...(fault.details ? { details: fault.details } : {}) } : null;
  if (!failure && ctx.enforceWindow && type !== 'template') {
    const last = n.lastInbound.get(waId);
    if (last === undefined || ctx.nowSeconds() - last > WINDOW_SECONDS) failure = { code: 131047 };
  }
  const wamid = newWamid(waId, 'out');
  Object.assign(log, { id: wamid, errorCode: failure?.code ?? null });
  return {
    status: 200,
    body: {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: waId }],
      messages: [{ id: wamid }],
    },
    log,
    followUp: { wamid, waId, failure },
  };
}
