// The JSON Stripe returns for each object, in the shapes of the pinned API version
// (2026-07-29.dahlia: periods on subscription items, an invoice's subscription under `parent`).
import type { CheckoutSession, Customer, Invoice, Price, State, Subscription } from './state.ts';

export const API_VERSION = '2026-07-29.dahlia';

export const listOf = (url: string, data: unknown[]) => ({ object: 'list', data, has_more: false, url });

export function priceJson(p: Price) {
  return {
    id: p.id,
    object: 'price',
    active: true,
    currency: p.currency,
    unit_amount: p.unit_amount,
    lookup_key: p.lookup_key,
    nickname: p.product_name,
    product: `prod_${p.id.slice(6)}`,
    recurring: { interval: p.interval, interval_count: 1 },
    type: 'recurring',
    livemode: false,
  };
}

export function customerJson(c: Customer) {
  return {
    id: c.id,
    object: 'customer',
    email: c.email,
    name: c.name,
    metadata: c.metadata,
    created: c.created,
    livemode: false,
  };
}

export function subscriptionJson(state: State, s: Subscription) {
  const price = state.prices.get(s.priceId) as Price;
  return {
    id: s.id,
    object: 'subscription',
    customer: s.customer,
    status: s.status,
    cancel_at_period_end: s.cancel_at_period_end,
    canceled_at: s.canceled_at,
    created: s.created,
    start_date: s.created,
    metadata: s.metadata,
    latest_invoice: s.latestInvoice,
    currency: price.currency,
    items: listOf(`/v1/subscription_items?subscription=${s.id}`, [
      {
        id: s.itemId,
        object: 'subscription_item',
        price: priceJson(price),
        quantity: 1,
        subscription: s.id,
        current_period_start: s.current_period_start,
        current_period_end: s.current_period_end,
      },
    ]),
    livemode: false,
  };
}

export function invoiceJson(base: string, i: Invoice, state: State) {
  const sub = i.subscription ? state.subscriptions.get(i.subscription) : undefined;
  return {
    id: i.id,
    object: 'invoice',
    number: i.number,
    customer: i.customer,
    status: i.status,
    amount_due: i.amount_due,
    amount_paid: i.amount_paid,
    amount_remaining: i.amount_due - i.amount_paid,
    currency: i.currency,
    created: i.created,
    period_start: i.period_start,
    period_end: i.period_end,
    billing_reason: i.billing_reason,
    attempt_count: i.attempt_count,
    hosted_invoice_url: `${base}/invoices/${i.id}`,
    parent: i.subscription
      ? {
          type: 'subscription_details',
          subscription_details: { subscription: i.subscription, metadata: sub?.metadata ?? {} },
        }
      : null,
    lines: listOf(`/v1/invoices/${i.id}/lines`, [
      {
        id: `il_${i.id.slice(3)}`,
        object: 'line_item',
        amount: i.amount_due,
        period: { start: i.period_start, end: i.period_end },
      },
    ]),
    livemode: false,
  };
}

export function checkoutJson(base: string, c: CheckoutSession, state: State) {
  const price = state.prices.get(c.priceId) as Price;
  return {
    id: c.id,
    object: 'checkout.session',
    mode: 'subscription',
    customer: c.customer,
    client_reference_id: c.client_reference_id,
    metadata: c.metadata,
    status: c.status,
    payment_status: c.payment_status,
    subscription: c.subscription,
    success_url: c.success_url,
    cancel_url: c.cancel_url,
    amount_total: price.unit_amount,
    currency: price.currency,
    created: c.created,
    url: c.status === 'open' ? `${base}/pay/${c.id}` : null,
    livemode: false,
  };
}
