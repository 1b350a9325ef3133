// What a workspace may do right now — its plan in force, access state and allowed models — read
// by every place that enforces a limit (pipeline, bot config, bot creation, gateway, /v1). Kept a
// few seconds per workspace; billing changes drop the entry at once on this instance.
import type { AccessState, Plan, PlanId } from '@colmeia/shared';
import { TtlCache } from '../../ttl-cache.ts';
import { accessOf, allowedModels, planInForce, type SubscriptionState } from './access.ts';
import type { PlanCatalog } from './plans.ts';

export type Entitlement = {
  tenantId: string;
  plan: Plan;
  access: AccessState;
  /** Canonical model ids the plan allows now. */
  allowedModels: string[];
  /** Bots answer contacts (false once dunning paused them). */
  answering: boolean;
  /** The dashboard refuses changes other than billing (dunning past the grace period). */
  readOnly: boolean;
};

export type EntitlementSource = {
  subscription: (tenantId: string) => Promise<SubscriptionState | null>;
  /** The workspace has a monthly budget set: plans with models "on credits" allow them then. */
  hasCredits: (tenantId: string) => Promise<boolean>;
  now: () => Date;
};

export class Entitlements {
  private readonly cache = new TtlCache<Entitlement>(5_000);
  private readonly plans: PlanCatalog;
  private readonly source: EntitlementSource;
  constructor(plans: PlanCatalog, source: EntitlementSource) {
    this.plans = plans;
    this.source = source;
  }

  of(tenantId: string): Promise<Entitlement> {
    return this.cache.get(tenantId, () => this.load(tenantId));
  }

  changed(tenantId: string): void {
    this.cache.forget(tenantId);
  }

  /** Every workspace's state may have moved (the test clock jumped). */
  clear(): void {
    this.cache.clear();
  }

  private async load(tenantId: string): Promise<Entitlement> {
    const [sub, hasCredits] = await Promise.all([
      this.source.subscription(tenantId),
      this.source.hasCredits(tenantId),
    ]);
    const now = this.source.now();
    const planId: PlanId = planInForce(sub, now);
    const plan = await this.plans.get(planId);
    const access = accessOf(sub, now);
    return {
      tenantId,
      plan,
      access,
      allowedModels: allowedModels(plan, hasCredits),
      answering: access !== 'paused',
      readOnly: access === 'read_only' || access === 'paused',
    };
  }
}
