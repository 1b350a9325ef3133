// The phone numbers the emulator serves: per number the app's secret and verify token, the webhook
// it calls back, the token sends must carry, and when each contact last wrote (the 24-hour window).

export interface NumberConfig {
  /** The Meta app's secret: callbacks are signed with it. */
  appSecret?: string;
  /** What the app's webhook expects in hub.verify_token. */
  verifyToken?: string;
  webhookUrl?: string;
  /** When set, sends must carry this bearer token (else error 190); otherwise any token passes. */
  accessToken?: string;
  wabaId?: string;
  displayPhoneNumber?: string;
  /** Contacts with read receipts on produce `read` statuses (default true). */
  readReceipts?: boolean;
}

export interface PhoneNumber extends NumberConfig {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  readReceipts: boolean;
  /** The webhook passed the verification handshake with the current token and URL. */
  verified: boolean;
  /** wa_id → Unix seconds of the contact's latest message. */
  lastInbound: Map<string, number>;
}

export class NumberBook {
  private readonly numbers = new Map<string, PhoneNumber>();

  configure(phoneNumberId: string, config: NumberConfig): PhoneNumber {
    const current = this.numbers.get(phoneNumberId);
    const next: PhoneNumber = {
      phoneNumberId,
      wabaId: `1${phoneNumberId.slice(1)}`,
      displayPhoneNumber: '15550783881',
      readReceipts: true,
      verified: false,
      lastInbound: new Map(),
      ...current,
      ...definedOnly(config),
    };
    // Meta verifies again whenever the callback URL or verify token changes.
    if (config.webhookUrl !== undefined || config.verifyToken !== undefined) next.verified = false;
    this.numbers.set(phoneNumberId, next);
    return next;
  }

  get(phoneNumberId: string): PhoneNumber | undefined {
    return this.numbers.get(phoneNumberId);
  }

  must(phoneNumberId: string): PhoneNumber {
    const n = this.numbers.get(phoneNumberId);
    if (!n) throw new Error(`phone number id ${phoneNumberId} is not configured in the emulator`);
    return n;
  }

  clear(): void {
    this.numbers.clear();
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
