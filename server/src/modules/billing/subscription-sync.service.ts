// Applies Stripe's state to a workspace's subscription row, under the row's lock, and runs what
// follows (provision, deprovision, notices) once the change is committed. Webhook events are
// recorded in the inbox inside the same transaction as their effect: a repeated event finds its
// row and changes nothing; a late one re-reads the subscription from Stripe and applies today's
// state, which is already there.
import { ZId } from '@colmeia/shared';
import type Stripe from 'stripe';
import type { Em } from '../../db/orm.ts';
import type { Logger } from '../../logger.ts';
import { BillingRepository } from './billing.repository.ts';
import type { BillingRuntime } from './billing-runtime.ts';
import { eventRefs, subscriptionState } from './stripe-mapping.ts';
import type { Subscription } from './subscription.entity.ts';
import { applySubscription, type Dunning, type SyncEffect } from './subscription-sync.ts';

export type EffectRunner = (tenantId: string, effects: SyncEffect[]) => Promise<void>;

export type SyncDeps = {
  em: Em;
  runtime: BillingRuntime;
  policy: Dunning;
  now: () => Date;
  logger: Logger;
  effects: EffectRunner;
};

export class SubscriptionSyncService {
  private readonly d: SyncDeps;
  constructor(d: SyncDeps) {
    this.d = d;
  }

  /** Runs `change` on the locked row in a transaction; the workspace's entitlements refresh after. */
  async withRow<T>(tenantId: string, change: (row: Subscription, repo: BillingRepository) => Promise<T> | T) {
    const result = await this.d.em.fork().transactional(async (em) => {
      const repo = new BillingRepository(em);
      return change(await repo.lock(tenantId), repo);
    });
    this.d.runtime.entitlements.changed(tenantId);
    return result;
  }

  /** A subscription the SPA just changed through the API: apply it now, not when the webhook comes. */
  async applyFromStripe(tenantId: string, sub: Stripe.Subscription): Promise<Subscription> {
    const plans = await this.d.runtime.plans.table();
    const { row, effects } = await this.withRow(tenantId, (row) => ({
      row,
      effects: applySubscription(row, subscriptionState(sub, plans), this.d.now(), this.d.policy),
    }));
    await this.run(tenantId, effects);
    return row;
  }

  /** A verified webhook event. Returns what it did, for the log and the 200 body. */
  async handleEvent(event: Stripe.Event): Promise<string> {
    const refs = eventRefs(event);
    const tenantId = await this.tenantOf(refs);
    if (!tenantId) {
      const fresh = await new BillingRepository(this.d.em.fork()).recordEvent(
        event,
        null,
        'ignored: unknown workspace',
      );
      return fresh ? 'ignored' : 'duplicate';
    }
    const stripe = this.d.runtime.stripe;
    const plans = await this.d.runtime.plans.table();
    const { outcome, effects } = await this.withRow(tenantId, async (row, repo) => {
      if (!(await repo.recordEvent(event, tenantId, event.type)))
        return { outcome: 'duplicate', effects: [] as SyncEffect[] };
      if (refs.customerId && !row.stripeCustomerId) row.stripeCustomerId = refs.customerId;
      if (!refs.subscriptionId || !stripe) return { outcome: 'recorded', effects: [] as SyncEffect[] };
      // Never trust the event's copy: it may be old. Read the subscription as it is now.
      const current = await stripe.api.subscriptions.retrieve(refs.subscriptionId);
      const effects = applySubscription(row, subscriptionState(current, plans), this.d.now(), this.d.policy);
      return { outcome: `applied: ${current.status}`, effects };
    });
    await this.run(tenantId, effects);
    return outcome;
  }

  /** The workspace named by the event's metadata, else the one owning its customer; null if gone. */
  private async tenantOf(refs: ReturnType<typeof eventRefs>): Promise<string | null> {
    const repo = new BillingRepository(this.d.em.fork());
    if (refs.tenantId && ZId.safeParse(refs.tenantId).success && (await repo.tenantExists(refs.tenantId)))
      return refs.tenantId;
    if (!refs.customerId) return null;
    return (await repo.findByCustomer(refs.customerId))?.tenant ?? null;
  }

  private async run(tenantId: string, effects: SyncEffect[]): Promise<void> {
    if (!effects.length) return;
    try {
      await this.d.effects(tenantId, effects);
    } catch (err) {
      // The state is committed; the billing tick reconciles sessions that did not follow.
      this.d.logger.error({ err, tenantId, effects }, 'billing effects failed');
    }
  }
}
