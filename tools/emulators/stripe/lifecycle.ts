// What happens to subscriptions and invoices: checkout payment, renewals on the test clock,
// failed charges with retries (then cancellation, Stripe's default after the last retry), plan
// changes with proration, cancellation now or at the period end. Every change emits its events.
import { invoiceJson, subscriptionJson } from './objects.ts';
import {
  type CheckoutSession,
  DAY_S,
  type Invoice,
  MONTH_S,
  newId,
  type State,
  type Subscription,
} from './state.ts';
import type { Webhooks } from './webhooks.ts';

/** Failed charges are retried this many times, a day apart, before the subscription is canceled. */
export const RETRIES = 3;

export class Lifecycle {
  private readonly state: State;
  private readonly hooks: Webhooks;
  private readonly base: () => string;
  constructor(state: State, hooks: Webhooks, base: () => string) {
    this.state = state;
    this.hooks = hooks;
    this.base = base;
  }

  private subJson(s: Subscription) {
    return subscriptionJson(this.state, s);
  }

  private emitSub(type: string, s: Subscription, previous?: Record<string, unknown>) {
    this.hooks.emit(type, this.subJson(s), this.state.now(), previous);
  }

  private emitInvoice(type: string, i: Invoice) {
    this.hooks.emit(type, invoiceJson(this.base(), i, this.state), this.state.now());
  }

  private invoice(s: Subscription, reason: Invoice['billing_reason'], cents: number): Invoice {
    const price = this.state.prices.get(s.priceId)!;
    const inv: Invoice = {
      id: newId('in'),
      number: `COLM-${String(++this.state.invoiceCount).padStart(4, '0')}`,
      customer: s.customer,
      subscription: s.id,
      status: 'open',
      amount_due: cents,
      amount_paid: 0,
      currency: price.currency,
      created: this.state.now(),
      period_start: s.current_period_start,
      period_end: s.current_period_end,
      billing_reason: reason,
      attempt_count: 0,
    };
    this.state.invoices.set(inv.id, inv);
    s.latestInvoice = inv.id;
    return inv;
  }

  /** Charges an open invoice; true when paid. */
  private charge(inv: Invoice): boolean {
    inv.attempt_count++;
    if (this.state.customers.get(inv.customer)?.failPayments) return false;
    inv.status = 'paid';
    inv.amount_paid = inv.amount_due;
    return true;
  }

  /** The hosted Checkout page was paid: subscription, first invoice, and the events Stripe sends. */
  completeCheckout(c: CheckoutSession): Subscription {
    const now = this.state.now();
    const s: Subscription = {
      id: newId('sub'),
      customer: c.customer,
      status: 'active',
      priceId: c.priceId,
      itemId: newId('si'),
      metadata: c.subscription_metadata,
      cancel_at_period_end: false,
      canceled_at: null,
      created: now,
      current_period_start: now,
      current_period_end: now + MONTH_S,
      pendingCents: 0,
      attempts: 0,
      nextRetryAt: null,
      latestInvoice: null,
    };
    this.state.subscriptions.set(s.id, s);
    const inv = this.invoice(s, 'subscription_create', this.state.prices.get(s.priceId)!.unit_amount);
    inv.attempt_count = 1;
    inv.status = 'paid';
    inv.amount_paid = inv.amount_due;
    Object.assign(c, { status: 'complete', payment_status: 'paid', subscription: s.id });
    this.emitSub('customer.subscription.created', s);
    this.emitInvoice('invoice.created', inv);
    this.emitInvoice('invoice.paid', inv);
    this.hooks.emit('checkout.session.completed', { ...this.checkoutView(c) }, now);
    return s;
  }

  private checkoutView(c: CheckoutSession) {
    return {
      id: c.id,
      object: 'checkout.session',
      mode: 'subscription',
      customer: c.customer,
      subscription: c.subscription,
      client_reference_id: c.client_reference_id,
      metadata: c.metadata,
      status: c.status,
      payment_status: c.payment_status,
    };
  }

  changePrice(s: Subscription, priceId: string, behavior: string): void {
    const now = this.state.now();
    const before = this.subJson(s).items;
    const oldPrice = this.state.prices.get(s.priceId)!;
    const newPrice = this.state.prices.get(priceId)!;
    const left = Math.max(0, s.current_period_end - now) / (s.current_period_end - s.current_period_start);
    const proration = Math.round((newPrice.unit_amount - oldPrice.unit_amount) * left);
    s.priceId = priceId;
    if (behavior === 'none') {
      /* no proration */
    } else if (behavior === 'always_invoice' && proration > 0) {
      const inv = this.invoice(s, 'subscription_update', proration);
      this.emitInvoice('invoice.created', inv);
      if (this.charge(inv)) this.emitInvoice('invoice.paid', inv);
      else this.emitInvoice('invoice.payment_failed', inv);
    } else s.pendingCents += proration;
    this.emitSub('customer.subscription.updated', s, { items: before });
  }

  setCancelAtPeriodEnd(s: Subscription, cancel: boolean): void {
    if (s.cancel_at_period_end === cancel) return;
    s.cancel_at_period_end = cancel;
    this.emitSub('customer.subscription.updated', s, { cancel_at_period_end: !cancel });
  }

  cancelNow(s: Subscription): void {
    if (s.status === 'canceled') return;
    s.status = 'canceled';
    s.canceled_at = this.state.now();
    s.nextRetryAt = null;
    this.emitSub('customer.subscription.deleted', s);
  }

  /** A renewal (or an immediate test charge) that fails: past_due, with retries scheduled. */
  failRenewal(s: Subscription): void {
    const inv = this.invoice(
      s,
      'subscription_cycle',
      this.state.prices.get(s.priceId)!.unit_amount + s.pendingCents,
    );
    s.pendingCents = 0;
    inv.attempt_count = 1;
    this.emitInvoice('invoice.created', inv);
    this.markFailed(s, inv);
  }

  private markFailed(s: Subscription, inv: Invoice): void {
    s.attempts++;
    s.nextRetryAt = this.state.now() + DAY_S;
    const previous = s.status;
    if (s.status !== 'past_due') s.status = 'past_due';
    // The subscription's state first (as Stripe does), then the invoice event.
    if (previous !== 'past_due') this.emitSub('customer.subscription.updated', s, { status: previous });
    this.emitInvoice('invoice.payment_failed', inv);
  }

  /** Pays the open invoice of a past_due subscription (a new card, or a retry that went through). */
  payOpen(s: Subscription): boolean {
    const inv = s.latestInvoice ? this.state.invoices.get(s.latestInvoice) : undefined;
    if (inv?.status !== 'open') return false;
    if (!this.charge(inv)) return false;
    this.recovered(s, inv);
    return true;
  }

  private recovered(s: Subscription, inv: Invoice): void {
    const previous = s.status;
    Object.assign(s, { status: 'active', attempts: 0, nextRetryAt: null });
    this.emitInvoice('invoice.paid', inv);
    if (previous !== 'active') this.emitSub('customer.subscription.updated', s, { status: previous });
  }

  /** Runs everything due at the emulator's now (after the test clock moved). */
  tick(): void {
    const now = this.state.now();
    for (const s of this.state.subscriptions.values()) {
      if (s.status === 'canceled') continue;
      if (s.status === 'past_due' && s.nextRetryAt !== null && s.nextRetryAt <= now) {
        const inv = this.state.invoices.get(s.latestInvoice ?? '');
        if (inv && this.charge(inv)) this.recovered(s, inv);
        else if (s.attempts > RETRIES) this.cancelNow(s);
        else if (inv) this.markFailed(s, inv);
      }
      while (s.status === 'active' && s.current_period_end <= now) {
        if (s.cancel_at_period_end) {
          this.cancelNow(s);
          break;
        }
        const before = {
          current_period_start: s.current_period_start,
          current_period_end: s.current_period_end,
        };
        s.current_period_start = s.current_period_end;
        s.current_period_end += MONTH_S;
        const inv = this.invoice(
          s,
          'subscription_cycle',
          this.state.prices.get(s.priceId)!.unit_amount + s.pendingCents,
        );
        s.pendingCents = 0;
        this.emitInvoice('invoice.created', inv);
        this.emitSub('customer.subscription.updated', s, before);
        if (this.charge(inv)) this.emitInvoice('invoice.paid', inv);
        else this.markFailed(s, inv);
      }
    }
  }
}
