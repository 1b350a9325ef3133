// A stateful Stripe for tests and the demo: the /v1 API the official client calls (customers,
// prices, Checkout, subscriptions, invoices, the portal, meter events), hosted pages, signed
// webhooks, and /__emulator controls: the test clock, failing cards, and delivery games
// (hold, release in reverse, resend the same event).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiContext, handle, StripeError } from './api.ts';
import { type Form, parseForm } from './form.ts';
import { Lifecycle } from './lifecycle.ts';
import { checkoutPage, invoicePage, portalPage } from './pages.ts';
import { type Price, State } from './state.ts';
import { type Endpoint, Webhooks } from './webhooks.ts';

export type StripeEmulatorOptions = {
  port?: number;
  host?: string;
  prices?: Omit<Price, 'id'>[];
  webhooks?: Endpoint[];
  /** Delivery retries per event and the wait before each (ms, growing linearly). */
  retries?: number;
  retryDelayMs?: number;
};

export type StripeEmulator = Awaited<ReturnType<typeof startStripeEmulator>>;

const readBody = (req: http.IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      data += c;
      if (data.length > 1_000_000) req.destroy();
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });

export async function startStripeEmulator(o: StripeEmulatorOptions = {}) {
  const state = new State();
  const hooks = new Webhooks({ retries: o.retries, retryDelayMs: o.retryDelayMs });
  hooks.endpoints.push(...(o.webhooks ?? []));
  let base = '';
  const life = new Lifecycle(state, hooks, () => base);
  const ctx: ApiContext = { state, hooks, life, base: () => base };
  for (const p of o.prices ?? []) state.addPrice(p);

  const control = {
    state,
    hooks,
    life,
    addWebhook: (e: Endpoint) => hooks.endpoints.push(e),
    advance(seconds: number) {
      state.offsetS += seconds;
      life.tick();
      return state.now();
    },
    failPayments(customerId: string, fail: boolean) {
      const c = state.customers.get(customerId);
      if (c) c.failPayments = fail;
      return Boolean(c);
    },
    /** Pays an open Checkout session as the hosted page would (card 4242…). */
    pay(sessionId: string, card = '4242424242424242') {
      const s = state.checkouts.get(sessionId);
      if (s?.status !== 'open') return { ok: false as const, error: 'This checkout is not open.' };
      if (card.replace(/\D/g, '').endsWith('0002'))
        return { ok: false as const, error: 'Your card was declined.' };
      const sub = life.completeCheckout(s);
      return {
        ok: true as const,
        subscription: sub.id,
        redirect: s.success_url.replace('{CHECKOUT_SESSION_ID}', s.id),
      };
    },
    reset() {
      state.reset();
      hooks.events.length = 0;
      hooks.deliveries.length = 0;
      hooks.held = null;
    },
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': `req_${randomBytes(7).toString('hex')}`,
        ...headers,
      });
      res.end(JSON.stringify(body));
    };
    const html = (status: number, body: string | null) => {
      res.writeHead(body ? status : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'Not found');
    };
    const redirect = (to: string) => {
      res.writeHead(303, { location: to });
      res.end();
    };
    try {
      const raw = method === 'GET' || method === 'DELETE' ? '' : await readBody(req);
      if (url.pathname.startsWith('/v1/')) {
        const auth = req.headers.authorization ?? '';
        if (!/^Bearer sk_test_\w+/.test(auth))
          return json(401, {
            error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' },
          });
        const form: Form =
          method === 'GET' || method === 'DELETE' ? parseForm(url.search.slice(1)) : parseForm(raw);
        const idem = method === 'POST' ? req.headers['idempotency-key'] : undefined;
        const key = typeof idem === 'string' ? `${auth}:${idem}` : null;
        const cached = key ? state.idempotent.get(key) : undefined;
        if (cached) return json(cached.status, cached.body, { 'idempotent-replayed': 'true' });
        try {
          const body = handle(ctx, method, url.pathname, form);
          if (key) state.idempotent.set(key, { status: 200, body });
          return json(200, body);
        } catch (err) {
          if (!(err instanceof StripeError)) throw err;
          const body = { error: { type: err.type, message: err.message, code: err.code, param: err.param } };
          return json(err.status, body);
        }
      }
      const [, area, id, action, target] = url.pathname.split('/');
      if (area === 'pay' && id) {
        if (method === 'GET') return html(200, checkoutPage(state, id));
        const form = new URLSearchParams(raw);
        const result =
          form.get('action') === 'fail'
            ? { ok: false as const, error: 'Your card was declined.' }
            : control.pay(id, form.get('card') ?? '');
        if (result.ok) return redirect(result.redirect);
        return html(402, checkoutPage(state, id, result.error));
      }
      if (area === 'portal' && id) {
        const portal = state.portals.get(id);
        if (method === 'POST' && portal) {
          const subs = [...state.subscriptions.values()].filter((s) => s.customer === portal.customer);
          if (action === 'cancel') {
            const sub = subs.find((s) => s.id === target);
            if (sub) life.setCancelAtPeriodEnd(sub, true);
          }
          if (action === 'pay') {
            control.failPayments(portal.customer, false);
            for (const s of subs) life.payOpen(s);
          }
          return redirect(`/portal/${id}`);
        }
        return html(200, portalPage(state, id));
      }
      if (area === 'invoices' && id) return html(200, invoicePage(state.invoices.get(id)));
      if (area === '__emulator') return controlRoute(method, id, action, target, raw, json);
      json(404, { error: { type: 'invalid_request_error', message: 'Not found' } });
    } catch (err) {
      json(500, { error: { type: 'api_error', message: (err as Error).message } });
    }
  });

  function controlRoute(
    method: string,
    what: string | undefined,
    id: string | undefined,
    action: string | undefined,
    raw: string,
    json: (status: number, body: unknown) => void,
  ) {
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (what === 'clock' && method === 'GET') return json(200, { now: state.now() });
    if (what === 'clock' && id === 'advance')
      return json(200, { now: control.advance(Number(body.seconds ?? 0)) });
    if (what === 'customers' && id && action === 'fail-payments')
      return json(control.failPayments(id, body.fail !== false) ? 200 : 404, { ok: true });
    if (what === 'subscriptions' && id) {
      const sub = state.subscriptions.get(id);
      if (!sub) return json(404, { error: 'no such subscription' });
      if (action === 'fail-invoice') life.failRenewal(sub);
      else if (action === 'pay-invoice') return json(200, { paid: life.payOpen(sub) });
      return json(200, { status: sub.status });
    }
    if (what === 'checkout' && id && action === 'pay')
      return json(200, control.pay(id, String(body.card ?? '4242424242424242')));
    if (what === 'webhooks' && !id && method === 'POST') {
      control.addWebhook({ url: String(body.url), secret: String(body.secret) });
      return json(200, { ok: true });
    }
    if (what === 'webhooks' && id === 'hold') {
      hooks.hold();
      return json(200, { held: true });
    }
    if (what === 'webhooks' && id === 'release')
      return json(200, { released: hooks.release(body.order === 'reverse' ? 'reverse' : 'as_is') });
    if (what === 'events' && id && action === 'resend')
      return json(hooks.resend(id) ? 200 : 404, { ok: true });
    if (what === 'events') return json(200, hooks.events);
    if (what === 'deliveries') return json(200, hooks.deliveries);
    if (what === 'meter-events') return json(200, [...state.meterEvents.values()]);
    if (what === 'reset') {
      control.reset();
      return json(200, { ok: true });
    }
    json(404, { error: 'unknown control' });
  }

  await new Promise<void>((resolve) => server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://${o.host ?? '127.0.0.1'}:${port}`;
  return {
    ...control,
    url: base,
    port,
    idle: () => hooks.idle(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
