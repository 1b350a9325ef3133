// A workspace's billing as its owners see it: the subscription and its state, plans, invoices,
// and the Stripe actions (Checkout, the customer portal, plan changes with proration, cancel at
// period end). Every change is read back from Stripe and applied like a webhook would
// (subscription-sync.ts), so the page is right at once and the webhook that follows is a no-op.
import type { Invoice, Plan, PlanId, SubscriptionView } from '@colmeia/shared';
import { planRank } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { accessOf, compActive, planInForce } from './access.ts';
import type { BillingRepository } from './billing.repository.ts';
import type { BillingRuntime } from './billing-runtime.ts';
import type { StripeGateway } from './stripe-client.ts';
import { invoiceView } from './stripe-mapping.ts';
import type { Subscription } from './subscription.entity.ts';
import type { SubscriptionSyncService } from './subscription-sync.service.ts';

export type BillingDeps = {
  repo: BillingRepository;
  runtime: BillingRuntime;
  sync: SubscriptionSyncService;
  audit: Pick<AuditService, 'record'>;
  tenantName: (tenantId: string) => Promise<string>;
  now: () => Date;
  publicUrl: string;
};

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export class BillingService {
  private readonly d: BillingDeps;
  constructor(d: BillingDeps) {
    this.d = d;
  }

  plans(): Promise<Plan[]> {
    return this.d.runtime.plans.list();
  }

  async view(tenantId: string): Promise<SubscriptionView> {
    return this.toView(await this.d.repo.find(tenantId));
  }

  async toView(row: Subscription | null): Promise<SubscriptionView> {
    const now = this.d.now();
    const plan = await this.d.runtime.plans.get(planInForce(row, now));
    const comp = row && compActive(row, now);
    return {
      plan,
      access: accessOf(row, now),
      stripeStatus: comp ? null : ((row?.stripeStatus as SubscriptionView['stripeStatus']) ?? null),
      comp: comp ? { until: iso(row.compUntil), by: row.compBy ?? null } : null,
      currentPeriodEnd: iso(row?.currentPeriodEnd),
      cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
      pastDueSince: iso(row?.pastDueSince),
      graceEndsAt: iso(row?.graceEndsAt),
      pausesAt: iso(row?.pausesAt),
      deprovisionedAt: iso(row?.deprovisionedAt),
      purgeAt: iso(row?.purgeAt),
      hasStripeCustomer: Boolean(row?.stripeCustomerId),
      paymentsEnabled: this.d.runtime.stripe !== null,
    };
  }

  async invoices(tenantId: string): Promise<Invoice[]> {
    const row = await this.d.repo.find(tenantId);
    if (!row?.stripeCustomerId || !this.d.runtime.stripe) return [];
    const list = await this.d.runtime.stripe.api.invoices.list({ customer: row.stripeCustomerId, limit: 24 });
    return list.data.map(invoiceView);
  }

  /** Stripe Checkout for a first paid plan; the webhook activates and provisions. */
  async checkout(
    actor: Actor,
    tenantId: string,
    planId: Exclude<PlanId, 'starter'>,
  ): Promise<{ url: string }> {
    const stripe = this.stripe();
    const plan = await this.d.runtime.plans.get(planId);
    if (!plan.stripeLookupKey)
      throw new AppError('BAD_REQUEST', `${plan.name} is not sold through Stripe.`, {
        reason: 'billing.not_for_sale',
      });
    const row = await this.d.repo.find(tenantId);
    if (row?.stripeSubscriptionId && isLive(row.stripeStatus)) {
      throw new AppError('CONFLICT', 'This workspace already has a paid plan; change it instead.', {
        reason: 'billing.already_subscribed',
      });
    }
    const customer = await this.customerFor(tenantId, actor.email ?? undefined);
    const base = `${this.d.publicUrl.replace(/\/$/, '')}/w/${tenantId}/billing`;
    const session = await stripe.api.checkout.sessions.create(
      {
        mode: 'subscription',
        customer,
        client_reference_id: tenantId,
        line_items: [{ price: await stripe.priceId(plan.stripeLookupKey), quantity: 1 }],
        metadata: { tenant_id: tenantId, plan: plan.id },
        subscription_data: { metadata: { tenant_id: tenantId, plan: plan.id } },
        success_url: `${base}/provisioning?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}?checkout=canceled`,
      },
      { idempotencyKey: `checkout-${tenantId}-${plan.id}-${Math.floor(this.d.now().getTime() / 60_000)}` },
    );
    await this.d.audit.record(actor, {
      action: 'billing.checkout_started',
      tenantId,
      details: { plan: plan.id },
    });
    if (!session.url) throw new AppError('INTERNAL', 'Stripe returned no Checkout URL.');
    return { url: session.url };
  }

  async portal(tenantId: string): Promise<{ url: string }> {
    const stripe = this.stripe();
    const row = await this.d.repo.find(tenantId);
    if (!row?.stripeCustomerId)
      throw new AppError(
        'PRECONDITION_FAILED',
        'There is no payment account yet: subscribe to a plan first.',
        {
          reason: 'billing.no_subscription',
        },
      );
    const session = await stripe.api.billingPortal.sessions.create({
      customer: row.stripeCustomerId,
      return_url: `${this.d.publicUrl.replace(/\/$/, '')}/w/${tenantId}/billing`,
    });
    return { url: session.url };
  }

  /** Another paid plan, prorated; Starter means cancel at the period end. */
  async changePlan(actor: Actor, tenantId: string, planId: PlanId): Promise<SubscriptionView> {
    if (planId === 'starter') return this.setCancel(actor, tenantId, true);
    const { stripe, row } = await this.paid(tenantId);
    if (row.plan === planId && !row.cancelAtPeriodEnd)
      throw new AppError('CONFLICT', 'That is already your plan.', { reason: 'billing.same_plan' });
    const plan = await this.d.runtime.plans.get(planId);
    const current = await stripe.api.subscriptions.retrieve(row.stripeSubscriptionId as string);
    const item = current.items.data[0];
    if (!item || !plan.stripeLookupKey) throw new AppError('INTERNAL', 'The subscription has no plan item.');
    const updated = await stripe.api.subscriptions.update(current.id, {
      items: [{ id: item.id, price: await stripe.priceId(plan.stripeLookupKey) }],
      proration_behavior: 'create_prorations',
      cancel_at_period_end: false,
      metadata: { tenant_id: tenantId, plan: plan.id },
    });
    await this.d.audit.record(actor, {
      action: 'billing.plan_changed',
      tenantId,
      details: {
        from: row.plan,
        to: plan.id,
        direction: planRank(plan.id) > planRank(row.plan) ? 'up' : 'down',
      },
    });
    return this.toView(await this.d.sync.applyFromStripe(tenantId, updated));
  }

  cancel(actor: Actor, tenantId: string): Promise<SubscriptionView> {
    return this.setCancel(actor, tenantId, true);
  }

  resume(actor: Actor, tenantId: string): Promise<SubscriptionView> {
    return this.setCancel(actor, tenantId, false);
  }

  private async setCancel(actor: Actor, tenantId: string, cancel: boolean): Promise<SubscriptionView> {
    const { stripe, row } = await this.paid(tenantId);
    const updated = await stripe.api.subscriptions.update(row.stripeSubscriptionId as string, {
      cancel_at_period_end: cancel,
    });
    await this.d.audit.record(actor, {
      action: cancel ? 'billing.cancel_scheduled' : 'billing.cancel_undone',
      tenantId,
      details: { plan: row.plan, periodEnd: iso(row.currentPeriodEnd) },
    });
    return this.toView(await this.d.sync.applyFromStripe(tenantId, updated));
  }

  private async paid(tenantId: string) {
    const stripe = this.stripe();
    const row = await this.d.repo.find(tenantId);
    if (!row?.stripeSubscriptionId || !isLive(row.stripeStatus))
      throw new AppError('PRECONDITION_FAILED', 'This workspace has no paid plan to change.', {
        reason: 'billing.no_subscription',
      });
    return { stripe, row };
  }

  /** The workspace's Stripe customer, created once (the idempotency key makes a race harmless). */
  private async customerFor(tenantId: string, email: string | undefined): Promise<string> {
    const row = await this.d.repo.find(tenantId);
    if (row?.stripeCustomerId) return row.stripeCustomerId;
    const customer = await this.stripe().api.customers.create(
      { email, name: await this.d.tenantName(tenantId), metadata: { tenant_id: tenantId } },
      { idempotencyKey: `customer-${tenantId}` },
    );
    return this.d.sync.withRow(tenantId, (locked) => {
      locked.stripeCustomerId ??= customer.id;
      return locked.stripeCustomerId;
    });
  }

  private stripe(): StripeGateway {
    if (!this.d.runtime.stripe)
      throw new AppError(
        'PRECONDITION_FAILED',
        'Paid plans are not available on this server (Stripe is not configured).',
        {
          reason: 'billing.payments_disabled',
        },
      );
    return this.d.runtime.stripe;
  }
}

const isLive = (status: string | null | undefined) =>
  status === 'active' || status === 'trialing' || status === 'past_due' || status === 'unpaid';
