// The /v1 endpoints Colmeia calls, with Stripe's shapes and errors. Everything else is a 404 in
// Stripe's error format, so a call we forgot to emulate fails loudly.

import { bool, type Form, list, metadata, obj, str } from './form.ts';
import type { Lifecycle } from './lifecycle.ts';
import { checkoutJson, customerJson, invoiceJson, listOf, priceJson, subscriptionJson } from './objects.ts';
import { type CheckoutSession, newId, type State } from './state.ts';
import type { Webhooks } from './webhooks.ts';

export class StripeError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string | undefined;
  readonly param: string | undefined;
  constructor(status: number, message: string, o: { type?: string; code?: string; param?: string } = {}) {
    super(message);
    this.status = status;
    this.type = o.type ?? 'invalid_request_error';
    this.code = o.code;
    this.param = o.param;
  }
}

const missing = (what: string, id: string) =>
  new StripeError(404, `No such ${what}: '${id}'`, { code: 'resource_missing', param: 'id' });
const required = (param: string) =>
  new StripeError(400, `Missing required param: ${param}.`, { code: 'parameter_missing', param });

export type ApiContext = { state: State; hooks: Webhooks; life: Lifecycle; base: () => string };

export function handle(ctx: ApiContext, method: string, path: string, form: Form): unknown {
  const { state, hooks, life } = ctx;
  const base = ctx.base();
  const seg = path.split('/').filter(Boolean).slice(1); // drop "v1"
  const [a, b, c] = seg;
  const find = <T>(map: Map<string, T>, id: string, what: string): T => {
    const v = map.get(id);
    if (!v) throw missing(what, id);
    return v;
  };

  if (a === 'prices' && !b && method === 'GET') {
    const keys = list(form.lookup_keys).filter((k): k is string => typeof k === 'string');
    const prices = [...state.prices.values()].filter(
      (p) => !keys.length || (p.lookup_key && keys.includes(p.lookup_key)),
    );
    return listOf('/v1/prices', prices.map(priceJson));
  }
  if (a === 'prices' && b && method === 'GET') return priceJson(find(state.prices, b, 'price'));
  if (a === 'prices' && !b && method === 'POST') {
    const recurring = obj(form.recurring);
    return priceJson(
      state.addPrice({
        lookup_key: str(form.lookup_key) ?? null,
        unit_amount: Number(str(form.unit_amount) ?? 0),
        currency: str(form.currency) ?? 'brl',
        product_name: str(obj(form.product_data).name) ?? 'Product',
        interval: str(recurring.interval) === 'year' ? 'year' : 'month',
      }),
    );
  }

  if (a === 'customers' && !b && method === 'POST') {
    const customer = {
      id: newId('cus'),
      email: str(form.email) ?? null,
      name: str(form.name) ?? null,
      metadata: metadata(form.metadata),
      created: state.now(),
      failPayments: false,
    };
    state.customers.set(customer.id, customer);
    hooks.emit('customer.created', customerJson(customer), state.now());
    return customerJson(customer);
  }
  if (a === 'customers' && b) {
    const customer = find(state.customers, b, 'customer');
    if (method === 'POST') {
      if (str(form.email)) customer.email = str(form.email) as string;
      if (str(form.name)) customer.name = str(form.name) as string;
      Object.assign(customer.metadata, metadata(form.metadata));
    }
    return customerJson(customer);
  }

  if (a === 'checkout' && b === 'sessions' && !c && method === 'POST') {
    if (str(form.mode) !== 'subscription')
      throw new StripeError(400, 'Only mode=subscription is emulated.', { param: 'mode' });
    const customer = str(form.customer);
    if (!customer) throw required('customer');
    find(state.customers, customer, 'customer');
    const item = obj(list(form.line_items)[0]);
    const priceId = str(item.price);
    if (!priceId) throw required('line_items[0][price]');
    find(state.prices, priceId, 'price');
    const success = str(form.success_url);
    if (!success) throw required('success_url');
    const session: CheckoutSession = {
      id: newId('cs_test'),
      customer,
      priceId,
      client_reference_id: str(form.client_reference_id) ?? null,
      metadata: metadata(form.metadata),
      subscription_metadata: metadata(obj(form.subscription_data).metadata),
      success_url: success,
      cancel_url: str(form.cancel_url) ?? null,
      status: 'open',
      payment_status: 'unpaid',
      subscription: null,
      created: state.now(),
      declined: false,
    };
    state.checkouts.set(session.id, session);
    return checkoutJson(base, session, state);
  }
  if (a === 'checkout' && b === 'sessions' && c)
    return checkoutJson(base, find(state.checkouts, c, 'checkout.session'), state);

  if (a === 'subscriptions' && !b && method === 'GET') {
    const customer = str(form.customer);
    const subs = [...state.subscriptions.values()].filter((s) => !customer || s.customer === customer);
    return listOf(
      '/v1/subscriptions',
      subs.map((s) => subscriptionJson(state, s)),
    );
  }
  if (a === 'subscriptions' && b) {
    const sub = find(state.subscriptions, b, 'subscription');
    if (method === 'DELETE') life.cancelNow(sub);
    if (method === 'POST') {
      if (sub.status === 'canceled')
        throw new StripeError(
          400,
          'A canceled subscription can only update its cancellation_details and metadata.',
        );
      const item = obj(list(form.items)[0]);
      const price = str(item.price);
      if (price && price !== sub.priceId) {
        if (str(item.id) && str(item.id) !== sub.itemId)
          throw missing('subscription_item', str(item.id) as string);
        find(state.prices, price, 'price');
        life.changePrice(sub, price, str(form.proration_behavior) ?? 'create_prorations');
      }
      if (form.metadata) Object.assign(sub.metadata, metadata(form.metadata));
      const cancel = bool(form.cancel_at_period_end);
      if (cancel !== undefined) life.setCancelAtPeriodEnd(sub, cancel);
    }
    return subscriptionJson(state, sub);
  }

  if (a === 'invoices' && !b && method === 'GET') {
    const customer = str(form.customer);
    const limit = Number(str(form.limit) ?? 10);
    const invoices = [...state.invoices.values()]
      .filter((i) => !customer || i.customer === customer)
      .sort((x, y) => y.created - x.created || y.number.localeCompare(x.number))
      .slice(0, limit);
    return listOf(
      '/v1/invoices',
      invoices.map((i) => invoiceJson(base, i, state)),
    );
  }
  if (a === 'invoices' && b) return invoiceJson(base, find(state.invoices, b, 'invoice'), state);

  if (a === 'billing_portal' && b === 'sessions' && method === 'POST') {
    const customer = str(form.customer);
    if (!customer) throw required('customer');
    find(state.customers, customer, 'customer');
    const session = {
      id: newId('bps'),
      customer,
      return_url: str(form.return_url) ?? null,
      created: state.now(),
    };
    state.portals.set(session.id, session);
    return {
      id: session.id,
      object: 'billing_portal.session',
      customer,
      return_url: session.return_url,
      url: `${base}/portal/${session.id}`,
      livemode: false,
    };
  }

  if (a === 'billing' && b === 'meter_events' && method === 'POST') {
    const identifier = str(form.identifier) ?? newId('mev');
    const event_name = str(form.event_name);
    if (!event_name) throw required('event_name');
    const payload = metadata(form.payload);
    if (!payload.stripe_customer_id) throw required('payload[stripe_customer_id]');
    const event = { identifier, event_name, payload, timestamp: Number(str(form.timestamp) ?? state.now()) };
    if (!state.meterEvents.has(identifier)) state.meterEvents.set(identifier, event);
    return {
      object: 'billing.meter_event',
      created: state.now(),
      livemode: false,
      ...state.meterEvents.get(identifier),
    };
  }

  throw new StripeError(404, `Unrecognized request URL (${method}: ${path}).`);
}
