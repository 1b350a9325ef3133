// Raising budget alerts: a row (exactly once per threshold and period, by its unique key), then
// an e-mail to the workspace's owners and admins and a signed POST to its webhook, if it has one.
// Runs off the request path, on its own EntityManager.
import { nanoToUsd } from '@colmeia/shared';
import type { Clock } from '../../../clock.ts';
import type { Orm } from '../../../db/orm.ts';
import type { Logger } from '../../../logger.ts';
import type { Mailer } from '../../email/mailer.ts';
import { MembershipRepository } from '../../member/membership.repository.ts';
import { TenantRepository } from '../../tenant/tenant.repository.ts';
import { UserRepository } from '../../user/user.repository.ts';
import type { SecretBox } from '../providers/secret-box.ts';
import { alertEmail } from './alert.emails.ts';
import { postSigned, type WebhookOptions } from './alert-webhook.ts';
import { BudgetRepository, WORKSPACE_SCOPE } from './budget.repository.ts';
import { BudgetAlertRepository, type NewAlert } from './budget-alert.repository.ts';
import { crossedThresholds, passedThresholds } from './thresholds.ts';

export interface AlertScope {
  tenantId: string;
  scope: string;
  agentId: string | null;
  period: string;
  limitNano: number;
}

export class BudgetAlerts {
  private readonly d: {
    orm: Orm;
    mailer: Mailer;
    clock: Clock;
    logger: Logger;
    box: SecretBox;
    publicUrl: string;
    webhooks: WebhookOptions;
  };

  /** Webhook retries live in memory; shutdown abandons them rather than wait (see the ADR). */
  private readonly shutdown = new AbortController();

  constructor(d: BudgetAlerts['d']) {
    this.d = d;
  }

  stop(): void {
    this.shutdown.abort();
  }

  /** After a call settled: the thresholds its cost crossed. */
  async settled(s: AlertScope, beforeNano: number, afterNano: number): Promise<void> {
    for (const t of crossedThresholds(s.limitNano, beforeNano, afterNano)) await this.raise(s, t, afterNano);
  }

  /** After the limit changed: every threshold the spend is already past (each still only once). */
  async limitChanged(s: AlertScope, spentNano: number): Promise<void> {
    for (const t of passedThresholds(s.limitNano, spentNano)) await this.raise(s, t, spentNano);
  }

  async dailyCapReached(tenantId: string, day: string, capNano: number, spentNano: number): Promise<void> {
    await this.insertAndNotify({
      tenant: tenantId,
      kind: 'daily_cap',
      scope: WORKSPACE_SCOPE,
      agentId: null,
      period: day,
      threshold: 0,
      limitNano: capNano,
      spentNano,
      createdAt: this.d.clock.now(),
    });
  }

  private raise(s: AlertScope, threshold: number, spentNano: number): Promise<void> {
    return this.insertAndNotify({
      tenant: s.tenantId,
      kind: 'budget_threshold',
      scope: s.scope,
      agentId: s.agentId,
      period: s.period,
      threshold,
      limitNano: s.limitNano,
      spentNano,
      createdAt: this.d.clock.now(),
    });
  }

  private async insertAndNotify(alert: NewAlert): Promise<void> {
    const em = this.d.orm.em.fork();
    const id = await new BudgetAlertRepository(em).insertOnce(alert);
    if (!id) return;
    this.d.logger.info(
      { tenantId: alert.tenant, kind: alert.kind, threshold: alert.threshold },
      'budget alert',
    );
    const tenant = await new TenantRepository(em).findById(alert.tenant);
    const workspace = tenant?.name ?? 'Colmeia';
    const url = `${this.d.publicUrl.replace(/\/$/, '')}/settings/budget`;
    const members = await new MembershipRepository(em).listForTenant(alert.tenant);
    const recipients = await new UserRepository(em).findByIds(
      members.filter((m) => m.role === 'owner' || m.role === 'admin').map((m) => m.user),
    );
    for (const user of recipients) {
      const mail = alertEmail({ ...alert, workspace, url }, user.locale);
      await this.d.mailer.send(em, { to: user.email, ...mail, kind: 'budget_alert' });
    }
    const settings = await new BudgetRepository(em).find(alert.tenant, WORKSPACE_SCOPE);
    if (settings?.alertWebhookUrl && settings.webhookSecretSealed) {
      const payload = {
        type: alert.kind === 'daily_cap' ? 'budget.daily_cap_reached' : 'budget.threshold_crossed',
        alertId: id,
        workspaceId: alert.tenant,
        agentId: alert.agentId,
        period: alert.period,
        thresholdPercent: alert.kind === 'daily_cap' ? null : alert.threshold,
        limitUsd: nanoToUsd(alert.limitNano),
        spentUsd: nanoToUsd(alert.spentNano),
        createdAt: alert.createdAt.toISOString(),
      };
      const secret = this.d.box.open(settings.webhookSecretSealed);
      const log = this.d.logger.child({ tenantId: alert.tenant, alertId: id });
      await postSigned(settings.alertWebhookUrl, secret, payload, () => this.d.clock.now(), {
        ...this.d.webhooks,
        signal: this.shutdown.signal,
      }).then(
        (status) => {
          if (status >= 300) log.warn({ status }, 'budget alert webhook refused the alert');
        },
        (err) => log.warn({ err }, 'budget alert webhook failed'),
      );
    }
  }
}
