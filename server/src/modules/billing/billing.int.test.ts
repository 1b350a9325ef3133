// Billing end to end on the real server, PostgreSQL and Redis, with Stripe replaced by the
// emulator (official client, signed webhooks): buying, provisioning, dunning, cancellation,
// repeated, reordered and forged events.
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContainer } from '../../container.ts';
import {
  type BillingWorld,
  buy,
  ownerWorkspace,
  startBillingWorld,
  WEBHOOK_SECRET,
} from './billing.fixtures.ts';

let world: BillingWorld;
beforeAll(async () => {
  world = await startBillingWorld();
});
afterAll(() => world.close());
afterEach(() => {
  world.server.deps.clock.reset();
  world.server.deps.billing.entitlements.clear();
});

const DAY = 86_400_000;
const stripeEvents = (tenantId: string) =>
  createContainer(world.server.deps)
    .em.getConnection()
    .execute('select id, type, outcome from stripe_event where tenant = ? order by received_at', [tenantId]);
const advance = (ms: number) => {
  world.server.deps.clock.advance(ms);
  world.server.deps.billing.entitlements.clear();
};

describe('buying a plan', () => {
  it('activates Pro after Checkout and provisions a bot that waits for a host', async () => {
    const { owner, tenantId, api } = await ownerWorkspace(world.server);
    expect((await api.billing.subscription()).plan.id).toBe('starter');
    await buy(world, owner, tenantId, 'pro');
    const view = await api.billing.subscription();
    expect(view).toMatchObject({ access: 'active', stripeStatus: 'active', cancelAtPeriodEnd: false });
    expect(view.plan.id).toBe('pro');
    const bots = await api.bots.list();
    expect(bots).toHaveLength(1);
    const provisioning = await api.billing.provisioning();
    expect(provisioning.botId).toBe(bots[0]!.id);
    // No bot host in this test: the session waits for one, and the page says so.
    expect(provisioning).toMatchObject({ step: 'payment', problem: expect.stringMatching(/room/) });
    const invoices = await api.billing.invoices();
    expect(invoices.map((i) => [i.status, i.amountPaidCents])).toEqual([['paid', 19_700]]);
    const audit = (await api.audit.list({ limit: 50 })).items.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['billing.checkout_started', 'billing.provisioned']));
  });

  it('applies a repeated and a reordered event once, and refuses a forged one without a change', async () => {
    const { owner, tenantId, api } = await ownerWorkspace(world.server);
    world.stripe.hooks.hold();
    await buy(world, owner, tenantId, 'business');
    world.stripe.hooks.release('reverse');
    await world.stripe.idle();
    const first = await stripeEvents(tenantId);
    expect(new Set(first.map((e: { id: string }) => e.id)).size).toBe(first.length);
    expect((await api.billing.subscription()).plan.id).toBe('business');
    const provisioned = (await api.audit.list({ limit: 50 })).items.filter(
      (e) => e.action === 'billing.provisioned',
    );
    expect(provisioned).toHaveLength(1);

    for (const e of first) world.stripe.hooks.resend(e.id);
    await world.stripe.idle();
    expect(await stripeEvents(tenantId)).toEqual(first);
    expect((await api.bots.list()).length).toBe(1);

    const forged = JSON.stringify({
      ...world.stripe.hooks.events.at(-1),
      id: 'evt_forged',
      type: 'customer.subscription.deleted',
    });
    const bad = await fetch(`${world.server.url}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({
          payload: forged,
          secret: 'whsec_wrong',
        }),
      },
      body: forged,
    });
    expect(bad.status).toBe(400);
    const stale = await fetch(`${world.server.url}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': Stripe.webhooks.generateTestHeaderString({
          payload: forged,
          secret: WEBHOOK_SECRET,
          timestamp: Math.floor(Date.now() / 1000) - 301,
        }),
      },
      body: forged,
    });
    expect(stale.status).toBe(400);
    expect(await stripeEvents(tenantId)).toEqual(first);
    expect((await api.billing.subscription()).access).toBe('active');
  });
});

describe('the event inbox', () => {
  it("keeps no record of an event whose effect failed, so Stripe's retry applies it", async () => {
    const { tenantId } = await ownerWorkspace(world.server);
    const sync = createContainer(world.server.deps).billing.sync;
    const event = { id: `evt_rollback_${tenantId}`, type: 'invoice.paid', created: 1 };
    await expect(
      sync.withRow(tenantId, async (_row, repo) => {
        expect(await repo.recordEvent(event, tenantId, 'x')).toBe(true);
        throw new Error('the effect failed');
      }),
    ).rejects.toThrow('the effect failed');
    expect(await stripeEvents(tenantId)).toEqual([]);
    expect(await sync.withRow(tenantId, (_row, repo) => repo.recordEvent(event, tenantId, 'x'))).toBe(true);
  });
});

describe('changing and ending a plan', () => {
  it('upgrades with proration, cancels at the period end, and deprovisions when Stripe ends it', async () => {
    const { owner, tenantId, api } = await ownerWorkspace(world.server);
    await buy(world, owner, tenantId, 'pro');
    expect((await api.billing.changePlan({ plan: 'business' })).plan.id).toBe('business');
    await expect(api.billing.changePlan({ plan: 'business' })).rejects.toMatchObject({
      message: /already your plan/,
    });
    const canceled = await api.billing.cancel();
    expect(canceled.cancelAtPeriodEnd).toBe(true);
    expect(canceled.access).toBe('active');
    expect((await api.billing.resume()).cancelAtPeriodEnd).toBe(false);
    await api.billing.changePlan({ plan: 'starter' });
    world.stripe.advance(31 * 86_400);
    await world.stripe.idle();
    const ended = await api.billing.subscription();
    expect(ended).toMatchObject({ access: 'canceled', stripeStatus: 'canceled' });
    expect(ended.plan.id).toBe('starter');
    expect(Date.parse(ended.purgeAt!) - Date.parse(ended.deprovisionedAt!)).toBe(30 * DAY);
    const [session] = await createContainer(world.server.deps).waSessions.listForTenant(tenantId);
    expect(session).toMatchObject({ desired: 'stopped', lastReason: 'LOGOUT' });
    const mails = await createContainer(world.server.deps)
      .em.getConnection()
      .execute('select kind from email_message where kind like \'billing_%\' and "to" = ?', [
        owner.user.email,
      ]);
    expect(mails.map((m: { kind: string }) => m.kind)).toContain('billing_deprovisioned');

    // Retention over: the billing tick purges the archived session once.
    advance(31 * DAY);
    const jobs = () => createContainer(world.server.deps).billing.jobs;
    expect((await jobs().tick()).purged).toBeGreaterThanOrEqual(1);
    expect((await jobs().tick()).purged).toBe(0);
    const audit = await createContainer(world.server.deps).audit.list(tenantId, { limit: 100 });
    const actions = audit.map((e) => e.action);
    expect(actions.filter((a) => a === 'whatsapp.purged')).toHaveLength(1);
  });
});

describe('usage for Stripe meters', () => {
  it("reports a paying workspace's month-to-date tokens and messages once per hour", async () => {
    const { owner, tenantId } = await ownerWorkspace(world.server);
    await buy(world, owner, tenantId, 'pro');
    await createContainer(world.server.deps)
      .em.getConnection()
      .execute(
        `insert into llm_usage (id, tenant_id, channel, model, requested_model, input_tokens, output_tokens,
           cache_write5m_tokens, cache_write1h_tokens, cache_read_tokens, cost_nano, price_version, latency_ms,
           attempts, outcome, request_id, created_at)
         values (gen_random_uuid(), ?, 'api', 'claude-haiku-4-5', 'claude-haiku-4-5', 100, 20, 0, 0, 5, 1000, 'x', 10, 1, 'ok', ?, now())`,
        [tenantId, `req_meter_${tenantId}`],
      );
    const customer = (await createContainer(world.server.deps).billing.repo.find(tenantId))!.stripeCustomerId;
    const mine = () =>
      [...world.stripe.state.meterEvents.values()].filter((e) => e.payload.stripe_customer_id === customer);
    await createContainer(world.server.deps).billing.jobs.reportMeters();
    await createContainer(world.server.deps).billing.jobs.reportMeters();
    expect(
      mine()
        .map((e) => [e.event_name, e.payload.value])
        .sort(),
    ).toEqual([
      ['colmeia_messages', '0'],
      ['colmeia_tokens', '125'],
    ]);
  });
});

describe('a failed payment', () => {
  it('keeps full access in grace, then the dashboard is read-only, then bots pause; paying restores it', async () => {
    const { owner, tenantId, api } = await ownerWorkspace(world.server);
    const { subscriptionId } = await buy(world, owner, tenantId, 'pro');
    const customer = (await createContainer(world.server.deps).billing.repo.find(tenantId))!
      .stripeCustomerId!;
    world.stripe.failPayments(customer, true);
    world.stripe.life.failRenewal(world.stripe.state.subscriptions.get(subscriptionId)!);
    await world.stripe.idle();
    const dunning = await api.billing.subscription();
    expect(dunning.access).toBe('past_due');
    await expect(api.bots.create({ name: 'Outro' })).rejects.toMatchObject({ message: /bot/ });

    advance(8 * DAY);
    expect((await api.billing.subscription()).access).toBe('read_only');
    await expect(api.bots.rename({ botId: (await api.bots.list())[0]!.id, name: 'X' })).rejects.toMatchObject(
      {
        message: /read-only/,
      },
    );
    // Billing itself still works, so the owner can pay.
    expect((await api.billing.portal()).url).toContain('/portal/');

    advance(7 * DAY);
    expect((await api.billing.subscription()).access).toBe('paused');
    expect((await world.server.deps.billing.entitlements.of(tenantId)).answering).toBe(false);
    expect((await createContainer(world.server.deps).billing.jobs.tick()).paused).toBeGreaterThanOrEqual(1);
    expect((await createContainer(world.server.deps).billing.jobs.tick()).paused).toBe(0);

    world.stripe.failPayments(customer, false);
    world.stripe.life.payOpen(world.stripe.state.subscriptions.get(subscriptionId)!);
    await world.stripe.idle();
    expect((await api.billing.subscription()).access).toBe('active');
  });
});

describe('staff', () => {
  it('comps a plan, extends grace and forces provisioning, each audited with its reason', async () => {
    const { owner, tenantId, api } = await ownerWorkspace(world.server);
    const staffUser = await (await import('../../../test/fixtures.ts')).createUser(world.server, {
      email: `staff-${Date.now()}@billing.test`,
      staff: true,
    });
    const staff = await world.server.caller(staffUser);
    await staff.staffBilling.comp({
      tenantId,
      plan: 'enterprise',
      until: null,
      reason: 'Parceiro de lançamento',
    });
    expect((await api.billing.subscription()).plan.id).toBe('enterprise');
    await expect(
      staff.staffBilling.extendGrace({ tenantId, days: 3, reason: 'sem falha' }),
    ).rejects.toMatchObject({
      message: /no failed payment/,
    });
    await staff.staffBilling.forceProvision({ tenantId, reason: 'cliente pediu ajuda' });
    expect((await api.bots.list()).length).toBe(1);
    await staff.staffBilling.removeComp({ tenantId, reason: 'fim da parceria' });
    // A new request (a caller keeps its unit of work, as one HTTP request does).
    const next = await world.server.caller(owner, tenantId);
    expect((await next.billing.subscription()).plan.id).toBe('starter');
    const actions = (await api.audit.list({ limit: 50 })).items.map((e) => [
      e.action,
      (e.details as { reason?: string })?.reason,
    ]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['billing.comp_granted', 'Parceiro de lançamento'],
        ['billing.provision_forced', 'cliente pediu ajuda'],
        ['billing.comp_removed', 'fim da parceria'],
      ]),
    );
  });
});
