// The emulator's memory: customers, prices, checkout and portal sessions, subscriptions,
// invoices, meter events, and a test clock (Stripe's test clocks: time moves only when told).
import { randomBytes } from 'node:crypto';

export type Price = {
  id: string;
  lookup_key: string | null;
  unit_amount: number;
  currency: string;
  product_name: string;
  interval: 'month' | 'year';
};

export type Customer = {
  id: string;
  email: string | null;
  name: string | null;
  metadata: Record<string, string>;
  created: number;
  /** Charges fail while set (a card that declines). */
  failPayments: boolean;
};

export type Subscription = {
  id: string;
  customer: string;
  status: 'active' | 'past_due' | 'unpaid' | 'canceled';
  priceId: string;
  itemId: string;
  metadata: Record<string, string>;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  created: number;
  current_period_start: number;
  current_period_end: number;
  /** Proration waiting for the next invoice, in cents. */
  pendingCents: number;
  /** Failed attempts at the open invoice, and when Stripe tries again. */
  attempts: number;
  nextRetryAt: number | null;
  latestInvoice: string | null;
};

export type Invoice = {
  id: string;
  number: string;
  customer: string;
  subscription: string | null;
  status: 'open' | 'paid' | 'void';
  amount_due: number;
  amount_paid: number;
  currency: string;
  created: number;
  period_start: number;
  period_end: number;
  billing_reason: 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  attempt_count: number;
};

export type CheckoutSession = {
  id: string;
  customer: string;
  priceId: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  subscription_metadata: Record<string, string>;
  success_url: string;
  cancel_url: string | null;
  status: 'open' | 'complete';
  payment_status: 'unpaid' | 'paid';
  subscription: string | null;
  created: number;
  declined: boolean;
};

export type PortalSession = { id: string; customer: string; return_url: string | null; created: number };
export type MeterEvent = {
  identifier: string;
  event_name: string;
  payload: Record<string, string>;
  timestamp: number;
};

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
export const MONTH_S = 30 * 86_400;
export const DAY_S = 86_400;

export class State {
  offsetS = 0;
  invoiceCount = 0;
  readonly prices = new Map<string, Price>();
  readonly customers = new Map<string, Customer>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly invoices = new Map<string, Invoice>();
  readonly checkouts = new Map<string, CheckoutSession>();
  readonly portals = new Map<string, PortalSession>();
  readonly meterEvents = new Map<string, MeterEvent>();
  readonly idempotent = new Map<string, { status: number; body: unknown }>();

  /** Emulator time, unix seconds. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.offsetS;
  }

  addPrice(p: Omit<Price, 'id'> & { id?: string }): Price {
    const price = { ...p, id: p.id ?? newId('price') };
    this.prices.set(price.id, price);
    return price;
  }

  reset(): void {
    for (const m of [
      this.customers,
      this.subscriptions,
      this.invoices,
      this.checkouts,
      this.portals,
      this.meterEvents,
      this.idempotent,
    ])
      m.clear();
    this.offsetS = 0;
  }
}
