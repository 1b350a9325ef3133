// Builds the billing services for one request or job container. Kept out of container.ts so the
// billing slice wires itself; the container exposes the result as `c.billing`.
import type { Container } from '../../container.ts';
import { createContainer } from '../../container.ts';
import { BillingRepository } from './billing.repository.ts';
import { BillingService } from './billing.service.ts';
import { BillingJobs } from './billing-jobs.ts';
import { BillingNotices } from './billing-notices.ts';
import { StaffBillingService } from './billing-staff.service.ts';
import { ProvisioningService } from './provisioning.service.ts';
import { SubscriptionSyncService } from './subscription-sync.service.ts';
import type { SyncEffect } from './subscription-sync.ts';
import { UsageMeters } from './usage.ts';

export function billingServices(c: Container) {
  const { deps, em } = c;
  const { env, clock, logger } = deps;
  const now = () => clock.now();
  const repo = new BillingRepository(em);
  const tenantName = async (id: string) => (await c.tenantRepository.findById(id))?.name ?? 'Colmeia';
  const notices = new BillingNotices({ em, mailer: deps.mailer, publicUrl: env.PUBLIC_URL });
  const provisioning = new ProvisioningService({
    repo,
    sessions: c.waSessions,
    bots: c.bots,
    link: c.link,
    audit: c.audit,
    tenantName,
  });
  const sync = new SubscriptionSyncService({
    em,
    runtime: deps.billing,
    policy: {
      graceDays: env.BILLING_GRACE_DAYS,
      readOnlyDays: env.BILLING_READ_ONLY_DAYS,
      retentionDays: env.BILLING_RETENTION_DAYS,
    },
    now,
    logger,
    // After the commit, on a fresh container: the sessions and e-mails follow the new state.
    effects: (tenantId, effects) => runEffects(createContainer(deps), tenantId, effects),
  });
  const usage = new UsageMeters({ em, quota: deps.billing.quota, entitlements: deps.billing.entitlements });
  return {
    repo,
    sync,
    provisioning,
    notices,
    usage,
    service: new BillingService({
      repo,
      runtime: deps.billing,
      sync,
      audit: c.audit,
      tenantName,
      now,
      publicUrl: env.PUBLIC_URL,
    }),
    staff: new StaffBillingService({ repo, runtime: deps.billing, sync, provisioning, audit: c.audit, now }),
    jobs: new BillingJobs({
      repo,
      runtime: deps.billing,
      sync,
      provisioning,
      notices,
      usage: (period) => usage.tenantsWithUsage(period),
      now,
      logger,
    }),
  };
}

async function runEffects(c: Container, tenantId: string, effects: SyncEffect[]): Promise<void> {
  const { provisioning, notices, repo } = c.billing;
  for (const effect of effects) {
    if (effect === 'provision') await provisioning.provision(null, tenantId);
    else if (effect === 'deprovision') {
      await provisioning.deprovision(null, tenantId);
      await notices.send(tenantId, 'deprovisioned', (await repo.find(tenantId))?.purgeAt ?? null);
    } else if (effect === 'payment_failed')
      await notices.send(tenantId, 'payment_failed', (await repo.find(tenantId))?.graceEndsAt ?? null);
    else await notices.send(tenantId, 'payment_recovered', null);
  }
}
