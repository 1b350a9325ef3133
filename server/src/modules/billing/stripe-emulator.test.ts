// The Stripe emulator, driven through the official client as the server drives it: if these hold,
// billing tests exercise the same calls and webhooks production makes against Stripe.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type StripeEmulator, signatureHeader, startStripeEmulator } from '@colmeia/emulators/stripe';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const SECRET = 'whsec_emulator_test';
let emulator: StripeEmulator;
let stripe: Stripe;
let receiver: http.Server;
const received: Stripe.Event[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      try {
        received.push(stripe.webhooks.constructEvent(raw, String(req.headers['stripe-signature']), SECRET));
        res.writeHead(200).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
  emulator = await startStripeEmulator({
    prices: [
      { lookup_key: 'pro', unit_amount: 19_700, currency: 'brl', product_name: 'Pro', interval: 'month' },
      {
        lookup_key: 'business',
        unit_amount: 49_700,
        currency: 'brl',
        product_name: 'Business',
        interval: 'month',
      },
    ],
    webhooks: [{ url: hook, secret: SECRET }],
    retryDelayMs: 10,
  });
  const url = new URL(emulator.url);
  stripe = new Stripe('sk_test_emulator', {
    host: url.hostname,
    port: Number(url.port),
    protocol: 'http',
    telemetry: false,
    maxNetworkRetries: 0,
  });
});
afterAll(async () => {
  await emulator.close();
  receiver.close();
});

beforeEach(async () => {
  await emulator.idle();
  emulator.reset();
  received.length = 0;
});

const types = () => received.map((e) => e.type);
async function subscribed(lookup = 'pro') {
  const customer = await stripe.customers.create({
    email: 'dona@padaria.test',
    metadata: { tenant_id: 't1' },
  });
  const [price] = (await stripe.prices.list({ lookup_keys: [lookup] })).data;
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    line_items: [{ price: price!.id, quantity: 1 }],
    client_reference_id: 't1',
    subscription_data: { metadata: { tenant_id: 't1' } },
    success_url: 'http://app.test/ok?session_id={CHECKOUT_SESSION_ID}',
  });
  const paid = emulator.pay(session.id);
  await emulator.idle();
  if (!paid.ok) throw new Error(paid.error);
  return {
    customer,
    session,
    sub: await stripe.subscriptions.retrieve(paid.subscription),
    redirect: paid.redirect,
  };
}

describe('Stripe emulator through the official client', () => {
  it('signs like Stripe (the published test vector)', () => {
    expect(signatureHeader('{"id":"evt_test_1","object":"event"}', 'whsec_test_secret', 1700000000)).toBe(
      't=1700000000,v1=29ab30b7065c11b28e53ac114fac5d6c492ed811a12d11ed2c2aad5bb4cf9809',
    );
  });

  it('pays a Checkout session: an active subscription and signed events in Stripe order', async () => {
    received.length = 0;
    const { sub, session, redirect } = await subscribed();
    expect(sub.status).toBe('active');
    expect(sub.items.data[0]?.price.lookup_key).toBe('pro');
    expect(sub.metadata.tenant_id).toBe('t1');
    expect(redirect).toBe(`http://app.test/ok?session_id=${session.id}`);
    expect(types()).toEqual([
      'customer.created',
      'customer.subscription.created',
      'invoice.created',
      'invoice.paid',
      'checkout.session.completed',
    ]);
    const invoices = await stripe.invoices.list({ customer: sub.customer as string });
    expect(invoices.data.map((i) => [i.status, i.amount_paid])).toEqual([['paid', 19_700]]);
  });

  it('creates nothing for a declined card', async () => {
    const customer = await stripe.customers.create({});
    const [price] = (await stripe.prices.list({ lookup_keys: ['pro'] })).data;
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: price!.id, quantity: 1 }],
      success_url: 'http://app.test/ok',
    });
    expect(emulator.pay(session.id, '4000000000000002')).toEqual({
      ok: false,
      error: 'Your card was declined.',
    });
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
  });

  it('changes the plan with previous_attributes and cancels at the period end on the test clock', async () => {
    const { sub } = await subscribed();
    const [business] = (await stripe.prices.list({ lookup_keys: ['business'] })).data;
    received.length = 0;
    const changed = await stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0]!.id, price: business!.id }],
      proration_behavior: 'create_prorations',
    });
    expect(changed.items.data[0]?.price.lookup_key).toBe('business');
    await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    emulator.advance(31 * 86_400);
    await emulator.idle();
    expect(types()).toEqual([
      'customer.subscription.updated',
      'customer.subscription.updated',
      'customer.subscription.deleted',
    ]);
    expect(received[0]?.data.previous_attributes).toHaveProperty('items');
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('canceled');
  });

  it('fails a renewal: past_due, retries, then canceled after the last retry', async () => {
    const { sub, customer } = await subscribed();
    emulator.failPayments(customer.id, true);
    received.length = 0;
    emulator.advance(31 * 86_400);
    await emulator.idle();
    expect(types()).toEqual([
      'invoice.created',
      'customer.subscription.updated',
      'customer.subscription.updated',
      'invoice.payment_failed',
    ]);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('past_due');
    for (let day = 0; day < 4; day++) emulator.advance(86_400);
    await emulator.idle();
    expect(types().at(-1)).toBe('customer.subscription.deleted');
  });

  it('holds, reorders and repeats deliveries on request', async () => {
    received.length = 0;
    emulator.hooks.hold();
    const { sub } = await subscribed();
    await stripe.subscriptions.update(sub.id, { metadata: { note: 'x' } });
    emulator.hooks.release('reverse');
    await emulator.idle();
    expect(types()[0]).toBe('checkout.session.completed');
    const first = received[0]!;
    emulator.hooks.resend(first.id);
    await emulator.idle();
    expect(received.filter((e) => e.id === first.id)).toHaveLength(2);
  });

  it('replays an idempotent request and refuses a bad key the way Stripe does', async () => {
    const a = await stripe.customers.create({ email: 'x@y.test' }, { idempotencyKey: 'same-key' });
    const b = await stripe.customers.create({ email: 'x@y.test' }, { idempotencyKey: 'same-key' });
    expect(b.id).toBe(a.id);
    const bad = new Stripe('rk_live_nope', {
      host: new URL(emulator.url).hostname,
      port: emulator.port,
      protocol: 'http',
      telemetry: false,
    });
    await expect(bad.customers.create({})).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(stripe.subscriptions.retrieve('sub_missing')).rejects.toMatchObject({
      code: 'resource_missing',
    });
  });
});
