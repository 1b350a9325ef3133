// What Meta's webhooks carry, built the way Meta builds them (shared/research/external-apis.md
// §1.2–1.4): the whatsapp_business_account envelope, message and status objects, WAMIDs, and
// ASCII-escaped JSON signed over the exact bytes sent.
import { createHmac, randomBytes } from 'node:crypto';

export interface NumberIdentity {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
}

export interface MetaErrorItem {
  code: number;
  title: string;
  message: string;
  error_data: { details: string };
  href: string;
}

/** JSON with every non-ASCII character as a lowercase \uXXXX escape, as Meta serialises it. */
export function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export const signatureOf = (raw: string, appSecret: string) =>
  `sha256=${createHmac('sha256', appSecret).update(raw).digest('hex')}`;

/**
 * A WAMID shaped like Meta's: base64 of a small binary record holding the contact's number and a
 * random id (inbound and outbound differ in one byte). Never longer than 128 characters.
 */
export function newWamid(waId: string, direction: 'in' | 'out'): string {
  const phone = Buffer.from(waId.slice(0, 20));
  const id = Buffer.from(randomBytes(10).toString('hex').toUpperCase());
  const record = Buffer.concat([
    Buffer.from([0x1c, 0x18, phone.length]),
    phone,
    Buffer.from([0x15, 0x02, 0x00, direction === 'in' ? 0x12 : 0x11, 0x18, id.length]),
    id,
    Buffer.from([0x00]),
  ]);
  return `wamid.${record.toString('base64')}`;
}

/** DDDs where Brazilian mobile numbers keep the ninth digit in their WhatsApp id. */
const NINTH_DIGIT_DDDS = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '22',
  '24',
  '27',
  '28',
]);

/** The wa_id WhatsApp gives a number: Brazilian mobiles outside those DDDs lose the ninth digit. */
export function waIdOf(input: string): string {
  const digits = input.replace(/\D/g, '');
  const m = /^55(\d\d)9(\d{8})$/.exec(digits);
  if (m && !NINTH_DIGIT_DDDS.has(m[1] as string)) return `55${m[1]}${m[2]}`;
  return digits;
}

export function envelope(n: NumberIdentity, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: n.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: n.displayPhoneNumber, phone_number_id: n.phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export interface InboundText {
  from: string;
  name?: string;
  text: string;
  id?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** The WAMID this message replies to (a quoted reply). */
  replyTo?: string;
}

export function inboundTextValue(m: InboundText & { id: string; timestamp: number }, waId: string) {
  return {
    contacts: [{ profile: { name: m.name ?? waId }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: m.id,
        timestamp: String(m.timestamp),
        type: 'text',
        text: { body: m.text },
        ...(m.replyTo ? { context: { from: waId, id: m.replyTo } } : {}),
      },
    ],
  };
}

export type StatusName = 'sent' | 'delivered' | 'read' | 'failed';

export function statusValue(s: {
  id: string;
  status: StatusName;
  recipientId: string;
  timestamp: number;
  errors?: MetaErrorItem[];
}) {
  return {
    statuses: [
      {
        id: s.id,
        status: s.status,
        timestamp: String(s.timestamp),
        recipient_id: s.recipientId,
        ...(s.status === 'failed'
          ? { errors: s.errors ?? [] }
          : {
              pricing: {
                billable: false,
                pricing_model: 'PMP',
                type: 'free_customer_service',
                category: 'service',
              },
            }),
      },
    ],
  };
}
