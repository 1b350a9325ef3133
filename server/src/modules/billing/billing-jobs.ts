// The billing tick: what comes due with time rather than with a Stripe event — bots pausing after
// the read-only days (a notice, once), comps ending, snapshots purged after retention — and the
// month-to-date usage reported to Stripe's billing meters for each paying workspace.
import type { Logger } from '../../logger.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { BillingRepository } from './billing.repository.ts';
import type { BillingNotices } from './billing-notices.ts';
import type { BillingRuntime } from './billing-runtime.ts';
import type { ProvisioningService } from './provisioning.service.ts';
import type { SubscriptionSyncService } from './subscription-sync.service.ts';

export type UsageRow = { tenantId: string; messages: number; tokens: number };

export type BillingJobDeps = {
  repo: BillingRepository;
  runtime: BillingRuntime;
  sync: SubscriptionSyncService;
  provisioning: Pick<ProvisioningService, 'purge'>;
  notices: Pick<BillingNotices, 'send'>;
  usage: (period: string) => Promise<UsageRow[]>;
  now: () => Date;
  logger: Logger;
};

const SYSTEM: Actor | null = null;
export const METER_EVENTS = { messages: 'colmeia_messages', tokens: 'colmeia_tokens' } as const;

export class BillingJobs {
  private readonly d: BillingJobDeps;
  constructor(d: BillingJobDeps) {
    this.d = d;
  }

  async tick(): Promise<{ paused: number; compsEnded: number; purged: number }> {
    const now = this.d.now();
    const counts = { paused: 0, compsEnded: 0, purged: 0 };
    for (const due of await this.d.repo.dueForDunning(now)) {
      const tenantId = due.tenant;
      try {
        const done = await this.d.sync.withRow(tenantId, (row) => {
          const r = { paused: false, compEnded: false, purge: false };
          if (row.pastDueSince && row.pausesAt && row.pausesAt <= now && !row.pauseNotifiedAt) {
            row.pauseNotifiedAt = now;
            r.paused = true;
          }
          if (row.compUntil && row.compUntil <= now) {
            Object.assign(row, { compPlan: null, compUntil: null, compBy: null });
            r.compEnded = true;
          }
          if (row.purgeAt && row.purgeAt <= now && !row.purgedAt) {
            row.purgedAt = now;
            r.purge = true;
          }
          return r;
        });
        if (done.paused) {
          counts.paused++;
          await this.d.notices.send(tenantId, 'paused', null);
        }
        if (done.compEnded) counts.compsEnded++;
        if (done.purge) {
          counts.purged++;
          await this.d.provisioning.purge(SYSTEM, tenantId);
        }
      } catch (err) {
        this.d.logger.error({ err, tenantId }, 'billing tick failed for a workspace');
      }
    }
    return counts;
  }

  /**
   * Month-to-date messages and tokens per paying workspace, as Stripe meter events. The meters
   * aggregate with `last`, and the identifier (workspace, month, hour) makes a repeat a no-op.
   */
  async reportMeters(): Promise<number> {
    const stripe = this.d.runtime.stripe;
    if (!stripe) return 0;
    const now = this.d.now();
    const period = now.toISOString().slice(0, 7);
    const hour = now.toISOString().slice(0, 13);
    let sent = 0;
    for (const row of await this.d.usage(period)) {
      const sub = await this.d.repo.find(row.tenantId);
      if (!sub?.stripeCustomerId) continue;
      for (const [key, value] of [
        ['messages', row.messages],
        ['tokens', row.tokens],
      ] as const) {
        await stripe.api.billing.meterEvents.create({
          event_name: METER_EVENTS[key],
          identifier: `${row.tenantId}:${key}:${hour}`,
          timestamp: Math.floor(now.getTime() / 1000),
          payload: { stripe_customer_id: sub.stripeCustomerId, value: String(value) },
        });
        sent++;
      }
    }
    return sent;
  }
}
