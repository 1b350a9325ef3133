// Meta's send errors (shared/research/external-apis.md §1.6) and fault injection: tests queue
// faults (in-process or over the control API); each send takes the first fault that matches it.
import { randomBytes } from 'node:crypto';
import type { MetaErrorItem } from './payloads.ts';

export interface GraphFaultMatch {
  phoneNumberId?: string;
  /** The recipient as the send names it. */
  to?: string;
}

export interface GraphFault {
  match?: GraphFaultMatch;
  /** Meta's error code: 130429, 131056, 131047, 131026, 190, 131000, 100 … */
  code: number;
  /**
   * `sync` answers the send with the error; `async` accepts it (200 + WAMID) and then sends a
   * `failed` status carrying the error, as Meta does for 131047 and 131026. Default per code.
   */
  mode?: 'sync' | 'async';
  /** Overrides error_data.details. */
  details?: string;
  /** How many sends it applies to (default 1); `sticky` keeps it until cleared. */
  times?: number;
  sticky?: boolean;
}

interface Known {
  title: string;
  details: string;
  http: number;
  mode: 'sync' | 'async';
}

export const KNOWN_ERRORS: Record<number, Known> = {
  130429: {
    title: 'Rate limit hit',
    details:
      'Message failed to send because there were too many messages sent from this phone number in a short period of time',
    http: 429,
    mode: 'sync',
  },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time',
    http: 400,
    mode: 'sync',
  },
  131047: {
    title: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    http: 400,
    mode: 'async',
  },
  131026: {
    title: 'Message undeliverable',
    details:
      'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the terms of service; the recipient is using an old WhatsApp version.',
    http: 400,
    mode: 'async',
  },
  131000: {
    title: 'Something went wrong',
    details: 'Message failed to send due to an unknown error.',
    http: 500,
    mode: 'sync',
  },
  100: { title: 'Invalid parameter', details: 'Invalid parameter', http: 400, mode: 'sync' },
};

export const defaultMode = (code: number) => KNOWN_ERRORS[code]?.mode ?? 'sync';

const trace = () => randomBytes(12).toString('base64url');

/** A Graph error answer: `{status, body}` for a code (190 keeps the Graph-wide shape with a subcode). */
export function graphError(code: number, opts: { details?: string; message?: string } = {}) {
  if (code === 190) {
    return {
      status: 401,
      body: {
        error: {
          message:
            opts.message ??
            'Error validating access token: Session has expired on Sunday, 01-Feb-26 00:00:00 PST.',
          type: 'OAuthException',
          code: 190,
          error_subcode: 463,
          fbtrace_id: trace(),
        },
      },
    };
  }
  const known = KNOWN_ERRORS[code] ?? { title: 'Error', details: 'Error', http: 400, mode: 'sync' };
  return {
    status: known.http,
    body: {
      error: {
        message: opts.message ?? `(#${code}) ${known.title}`,
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details: opts.details ?? known.details },
        fbtrace_id: trace(),
      },
    },
  };
}

/** The same error as an item of a `failed` status or of `value.errors`. */
export function errorItem(code: number, details?: string): MetaErrorItem {
  const known = KNOWN_ERRORS[code] ?? { title: 'Error', details: 'Error' };
  return {
    code,
    title: known.title,
    message: known.title,
    error_data: { details: details ?? known.details },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}

export class FaultBook {
  private entries: { fault: GraphFault; left: number }[] = [];

  add(fault: GraphFault): void {
    if (!Number.isInteger(fault?.code)) throw new Error('a fault needs a numeric code');
    this.entries.push({ fault, left: fault.sticky ? Number.POSITIVE_INFINITY : (fault.times ?? 1) });
  }

  clear(): void {
    this.entries = [];
  }

  take(req: { phoneNumberId: string; to: string }): GraphFault | null {
    const i = this.entries.findIndex(({ fault: { match } }) => {
      if (match?.phoneNumberId !== undefined && match.phoneNumberId !== req.phoneNumberId) return false;
      return match?.to === undefined || match.to === req.to;
    });
    if (i < 0) return null;
    const entry = this.entries[i]!;
    entry.left -= 1;
    if (entry.left <= 0) this.entries.splice(i, 1);
    return entry.fault;
  }
}
