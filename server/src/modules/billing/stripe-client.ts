// The official Stripe client, pointed at Stripe or at another server (STRIPE_API_URL: the
// emulator in tests and the demo) with the same code. Price ids are found by the plans' lookup
// keys once and remembered, so prices are managed in Stripe, not in our env.
import Stripe from 'stripe';
import { AppError } from '../../errors.ts';

export type StripeConfig = { secretKey?: string; webhookSecret?: string; apiUrl?: string };

export class StripeGateway {
  readonly api: Stripe;
  readonly webhookSecret: string | null;
  private readonly prices = new Map<string, string>();

  constructor(config: StripeConfig & { secretKey: string }) {
    const url = config.apiUrl ? new URL(config.apiUrl) : null;
    this.api = new Stripe(config.secretKey, {
      telemetry: false,
      maxNetworkRetries: 2,
      timeout: 15_000,
      ...(url
        ? {
            host: url.hostname,
            port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
            protocol: url.protocol === 'https:' ? 'https' : 'http',
          }
        : {}),
    });
    this.webhookSecret = config.webhookSecret ?? null;
  }

  static from(config: StripeConfig): StripeGateway | null {
    return config.secretKey ? new StripeGateway({ ...config, secretKey: config.secretKey }) : null;
  }

  async priceId(lookupKey: string): Promise<string> {
    const known = this.prices.get(lookupKey);
    if (known) return known;
    const found = await this.api.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
    const id = found.data[0]?.id;
    if (!id)
      throw new AppError('INTERNAL', `Stripe has no active price with lookup key ${lookupKey}.`, {
        reason: 'billing.price_missing',
      });
    this.prices.set(lookupKey, id);
    return id;
  }

  /** Our plan for a Stripe price id (reverse of priceId over the known lookup keys). */
  async lookupKeyOf(priceId: string): Promise<string | null> {
    for (const [key, id] of this.prices) if (id === priceId) return key;
    const price = await this.api.prices.retrieve(priceId);
    if (price.lookup_key) this.prices.set(price.lookup_key, price.id);
    return price.lookup_key ?? null;
  }
}
