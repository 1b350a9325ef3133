// Process-wide billing parts: the plan catalog, entitlements (what each workspace may do now), the
// Stripe client and the periodic billing jobs. Services get them through Deps.billing.
import type { Redis } from 'ioredis';
import type { Clock } from '../../clock.ts';
import type { Orm } from '../../db/orm.ts';
import { forTenant } from '../../db/tenant-filter.ts';
import type { Env } from '../../env.ts';
import { Budget } from '../gateway/budgets/budget.entity.ts';
import { BillingRepository } from './billing.repository.ts';
import { Entitlements } from './entitlements.ts';
import { MessageQuota } from './message-quota.ts';
import { PlanCatalog } from './plans.ts';
import { StripeGateway } from './stripe-client.ts';
import { UsageMeters } from './usage.ts';

export class BillingRuntime {
  readonly plans: PlanCatalog;
  readonly entitlements: Entitlements;
  readonly stripe: StripeGateway | null;
  readonly quota: MessageQuota;
  private timer: NodeJS.Timeout | null = null;

  constructor(d: { env: Env; orm: Orm; clock: Clock; redis: Redis; prefix: string }) {
    const repo = () => new BillingRepository(d.orm.em.fork());
    this.plans = new PlanCatalog(() => repo().planSettings());
    this.entitlements = new Entitlements(this.plans, {
      subscription: (tenantId) => repo().find(tenantId),
      hasCredits: async (tenantId) => {
        const budget = await d.orm.em
          .fork()
          .findOne(Budget, { tenant: tenantId, scope: 'workspace' }, forTenant(tenantId));
        return (budget?.monthlyLimitNano ?? 0) > 0;
      },
      now: () => d.clock.now(),
    });
    this.quota = new MessageQuota({
      redis: d.redis,
      prefix: d.prefix,
      answered: (tenantId, period) =>
        new UsageMeters({ em: d.orm.em.fork(), quota: this.quota, entitlements: this.entitlements }).answered(
          tenantId,
          period,
        ),
    });
    this.stripe = StripeGateway.from({
      secretKey: d.env.STRIPE_SECRET_KEY,
      webhookSecret: d.env.STRIPE_WEBHOOK_SECRET,
      apiUrl: d.env.STRIPE_API_URL,
    });
  }

  /** Runs `tick` every `everyMs` (dunning, comps ending, purges, meters); one run at a time. */
  schedule(everyMs: number, tick: () => Promise<void>): void {
    let running = false;
    this.timer = setInterval(() => {
      if (running) return;
      running = true;
      tick().finally(() => {
        running = false;
      });
    }, everyMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
