// Staff's levers on a workspace's billing — comp a plan, extend a grace period, force provisioning —
// and on the plans themselves. Each needs a reason and lands in the workspace's audit log.
import type { Plan, PlanId, PlanLimits } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { BillingRepository } from './billing.repository.ts';
import type { BillingRuntime } from './billing-runtime.ts';
import type { ProvisioningService } from './provisioning.service.ts';
import type { SubscriptionSyncService } from './subscription-sync.service.ts';

const DAY = 86_400_000;

export type StaffBillingDeps = {
  repo: BillingRepository;
  runtime: BillingRuntime;
  sync: SubscriptionSyncService;
  provisioning: Pick<ProvisioningService, 'provision'>;
  audit: Pick<AuditService, 'record'>;
  now: () => Date;
};

export class StaffBillingService {
  private readonly d: StaffBillingDeps;
  constructor(d: StaffBillingDeps) {
    this.d = d;
  }

  async comp(actor: Actor, tenantId: string, plan: PlanId, until: Date | null, reason: string) {
    await this.exists(tenantId);
    if (until && until <= this.d.now())
      throw new AppError('BAD_REQUEST', 'The end of a comp must be in the future.', {
        reason: 'billing.comp_past',
      });
    await this.d.sync.withRow(tenantId, (row) => {
      Object.assign(row, {
        compPlan: plan,
        compUntil: until,
        compBy: actor.email ?? actor.userId ?? 'staff',
      });
    });
    await this.d.audit.record(actor, {
      action: 'billing.comp_granted',
      tenantId,
      details: { plan, until: until?.toISOString() ?? null, reason },
    });
  }

  async removeComp(actor: Actor, tenantId: string, reason: string) {
    await this.exists(tenantId);
    await this.d.sync.withRow(tenantId, (row) => {
      Object.assign(row, { compPlan: null, compUntil: null, compBy: null });
    });
    await this.d.audit.record(actor, { action: 'billing.comp_removed', tenantId, details: { reason } });
  }

  async extendGrace(actor: Actor, tenantId: string, days: number, reason: string) {
    await this.exists(tenantId);
    const dates = await this.d.sync.withRow(tenantId, (row) => {
      if (!row.pastDueSince || !row.graceEndsAt || !row.pausesAt)
        throw new AppError('PRECONDITION_FAILED', 'This workspace has no failed payment to give grace for.', {
          reason: 'billing.not_past_due',
        });
      // From now if grace already ran out, so the extension is the number of days staff promised.
      const from = Math.max(row.graceEndsAt.getTime(), this.d.now().getTime());
      const readOnlyMs = row.pausesAt.getTime() - row.graceEndsAt.getTime();
      row.graceEndsAt = new Date(from + days * DAY);
      row.pausesAt = new Date(row.graceEndsAt.getTime() + Math.max(0, readOnlyMs));
      return { graceEndsAt: row.graceEndsAt.toISOString(), pausesAt: row.pausesAt.toISOString() };
    });
    await this.d.audit.record(actor, {
      action: 'billing.grace_extended',
      tenantId,
      details: { days, reason, ...dates },
    });
  }

  async forceProvision(actor: Actor, tenantId: string, reason: string) {
    await this.exists(tenantId);
    await this.d.sync.withRow(tenantId, (row) => {
      Object.assign(row, {
        provisionedAt: this.d.now(),
        deprovisionedAt: null,
        purgeAt: null,
        purgedAt: null,
      });
    });
    const botId = await this.d.provisioning.provision(actor, tenantId, 'staff');
    await this.d.audit.record(actor, {
      action: 'billing.provision_forced',
      tenantId,
      target: botId,
      details: { reason },
    });
  }

  async updatePlan(
    actor: Actor,
    input: { id: PlanId; name: string; priceBrlCents: number; limits: PlanLimits },
  ): Promise<Plan> {
    const before = await this.d.runtime.plans.get(input.id);
    await this.d.repo.savePlanSetting({ ...input, updatedBy: actor.email ?? actor.userId ?? 'staff' });
    this.d.runtime.plans.changed();
    await this.d.audit.record(actor, {
      action: 'billing.plan_updated',
      target: input.id,
      details: {
        before: { name: before.name, priceBrlCents: before.priceBrlCents, limits: before.limits },
        after: input,
      },
    });
    return this.d.runtime.plans.get(input.id);
  }

  private async exists(tenantId: string) {
    if (!(await this.d.repo.tenantExists(tenantId)))
      throw new AppError('NOT_FOUND', 'No such workspace.', { reason: 'staff.tenant_not_found' });
  }
}
