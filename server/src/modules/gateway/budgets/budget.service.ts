// A workspace's budget settings as the SPA edits them: monthly budget, daily cap, downgrade
// threshold, rate limits, alert webhook, and per-agent budgets. Changes are audited, reach this
// instance's gateway at once (other instances within seconds), and re-check alert thresholds.
import { randomBytes } from 'node:crypto';
import {
  BUDGET_ALERT_THRESHOLDS,
  type Budget as BudgetDto,
  type BudgetSettings,
  nanoToUsd,
  usdToNano,
} from '@colmeia/shared';
import { AppError } from '../../../errors.ts';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import type { Admission } from '../limits/admission.ts';
import type { SecretBox } from '../providers/secret-box.ts';
import type { Budget } from './budget.entity.ts';
import { agentScope, type BudgetRepository, WORKSPACE_SCOPE } from './budget.repository.ts';
import type { BudgetAlerts } from './budget-alerts.ts';
import type { PolicyCache } from './policy-cache.ts';
import { periodsOf } from './thresholds.ts';
import { obviouslyPrivate } from './webhook-address.ts';

type Repo = Pick<BudgetRepository, 'find' | 'listForTenant' | 'getOrCreate' | 'flush'>;
const usd = (nano: number | null | undefined) => (nano == null ? null : nanoToUsd(nano));
const nano = (value: number | null) => (value === null ? null : usdToNano(value));

export class BudgetService {
  private readonly d: {
    repo: Repo;
    audit: Pick<AuditService, 'record'>;
    admission: Pick<Admission, 'spent'>;
    policies: Pick<PolicyCache, 'invalidate'>;
    alerts: Pick<BudgetAlerts, 'limitChanged'>;
    /** The cap (nano-USD) a daily-cap alert of that day was raised at, if any. */
    dailyCapHit: (tenantId: string, day: string) => Promise<number | null>;
    box: SecretBox;
    now: () => Date;
    defaults: { rpm: number; tpm: number };
    /** Production: webhooks must use https and a public address (demo and test post locally). */
    strictWebhooks: boolean;
  };

  constructor(d: BudgetService['d']) {
    this.d = d;
  }

  async get(tenantId: string): Promise<BudgetDto> {
    const rows = await this.d.repo.listForTenant(tenantId);
    const ws = rows.find((r) => r.scope === WORKSPACE_SCOPE) ?? null;
    const now = this.d.now();
    const spent = await this.d.admission.spent(tenantId, now);
    const agents = await Promise.all(
      rows
        .filter((r) => r.agentId)
        .map(async (r) => ({
          agentId: r.agentId!,
          monthlyLimitUsd: usd(r.monthlyLimitNano),
          rpm: r.rpm ?? null,
          tpm: r.tpm ?? null,
          spentUsd: nanoToUsd((await this.d.admission.spent(tenantId, now, r.agentId!)).month),
        })),
    );
    const limit = ws?.monthlyLimitNano ?? null;
    const left = limit ? ((limit - spent.month) / limit) * 100 : null;
    const threshold = ws?.downgradeBelowPercent ?? null;
    const cap = ws?.dailyCapNano ?? null;
    // Paused once a call was refused for the cap today — unless the cap has been raised since.
    const hitAt = cap === null ? null : await this.d.dailyCapHit(tenantId, periodsOf(now).day);
    return {
      monthlyLimitUsd: usd(limit),
      dailyCapUsd: usd(ws?.dailyCapNano),
      downgradeBelowPercent: threshold,
      rpm: ws?.rpm ?? null,
      tpm: ws?.tpm ?? null,
      alertWebhookUrl: ws?.alertWebhookUrl ?? null,
      period: periodsOf(now).month,
      spentUsd: nanoToUsd(spent.month),
      spentTodayUsd: nanoToUsd(spent.day),
      effectiveRpm: ws?.rpm ?? this.d.defaults.rpm,
      effectiveTpm: ws?.tpm ?? this.d.defaults.tpm,
      webhookSecretSet: Boolean(ws?.webhookSecretSealed),
      paused: cap !== null && hitAt !== null && cap <= hitAt,
      downgradeActive: threshold !== null && left !== null && left < threshold,
      thresholdsPercent: [...BUDGET_ALERT_THRESHOLDS],
      agents,
    };
  }

  async update(
    actor: Actor,
    tenantId: string,
    input: Partial<BudgetSettings>,
  ): Promise<{ budget: BudgetDto; webhookSecret: string | null }> {
    if (input.alertWebhookUrl && this.d.strictWebhooks) checkWebhookUrl(input.alertWebhookUrl);
    const row = await this.d.repo.getOrCreate(tenantId, WORKSPACE_SCOPE, null);
    const before = snapshot(row);
    const limitBefore = row.monthlyLimitNano ?? null;
    if (input.monthlyLimitUsd !== undefined) row.monthlyLimitNano = nano(input.monthlyLimitUsd);
    if (input.dailyCapUsd !== undefined) row.dailyCapNano = nano(input.dailyCapUsd);
    if (input.downgradeBelowPercent !== undefined) row.downgradeBelowPercent = input.downgradeBelowPercent;
    if (input.rpm !== undefined) row.rpm = input.rpm;
    if (input.tpm !== undefined) row.tpm = input.tpm;
    let webhookSecret: string | null = null;
    if (input.alertWebhookUrl !== undefined) {
      row.alertWebhookUrl = input.alertWebhookUrl;
      if (!input.alertWebhookUrl) row.webhookSecretSealed = null;
      else if (!row.webhookSecretSealed) webhookSecret = this.newSecret(row);
    }
    await this.d.repo.flush();
    await this.afterChange(actor, tenantId, 'budget.updated', before, row, webhookSecret !== null);
    if (row.monthlyLimitNano != null && row.monthlyLimitNano !== limitBefore) {
      const now = this.d.now();
      const spent = await this.d.admission.spent(tenantId, now);
      const scope = { tenantId, scope: WORKSPACE_SCOPE, agentId: null, period: periodsOf(now).month };
      await this.d.alerts.limitChanged({ ...scope, limitNano: row.monthlyLimitNano }, spent.month);
    }
    return { budget: await this.get(tenantId), webhookSecret };
  }

  async setAgent(
    actor: Actor,
    tenantId: string,
    input: { agentId: string; monthlyLimitUsd: number | null; rpm: number | null; tpm: number | null },
  ): Promise<BudgetDto> {
    const row = await this.d.repo.getOrCreate(tenantId, agentScope(input.agentId), input.agentId);
    const before = snapshot(row);
    row.monthlyLimitNano = nano(input.monthlyLimitUsd);
    row.rpm = input.rpm;
    row.tpm = input.tpm;
    await this.d.repo.flush();
    await this.afterChange(actor, tenantId, 'budget.agent_updated', before, row, false);
    return this.get(tenantId);
  }

  async rotateWebhookSecret(actor: Actor, tenantId: string): Promise<{ webhookSecret: string }> {
    const row = await this.d.repo.find(tenantId, WORKSPACE_SCOPE);
    if (!row?.alertWebhookUrl) {
      throw new AppError('PRECONDITION_FAILED', 'Set an alert webhook first.', {
        reason: 'budget.no_webhook',
      });
    }
    const webhookSecret = this.newSecret(row);
    await this.d.repo.flush();
    await this.d.audit.record(actor, {
      action: 'budget.webhook_secret_rotated',
      tenantId,
      target: 'budget:workspace',
    });
    return { webhookSecret };
  }

  private newSecret(row: Budget): string {
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    row.webhookSecretSealed = this.d.box.seal(secret);
    return secret;
  }

  private async afterChange(
    actor: Actor,
    tenantId: string,
    action: string,
    before: ReturnType<typeof snapshot>,
    row: Budget,
    secretCreated: boolean,
  ): Promise<void> {
    this.d.policies.invalidate(tenantId);
    const after = snapshot(row);
    const changes = Object.fromEntries(
      Object.entries(after)
        .filter(([k, v]) => before[k as keyof typeof before] !== v)
        .map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]),
    );
    if (!Object.keys(changes).length && !secretCreated) return;
    await this.d.audit.record(actor, {
      action,
      tenantId,
      target: `budget:${row.scope}`,
      details: { changes, ...(secretCreated ? { webhookSecret: 'created' } : {}) },
    });
  }
}

/**
 * Refuses, with a field error, a webhook that is plainly not https or not public. Names are not
 * resolved here: what they resolve to is checked at every send (webhook-address.ts).
 */
export function checkWebhookUrl(value: string): void {
  const url = URL.parse(value);
  const field = (message: string, detail: string) =>
    new AppError('BAD_REQUEST', `The alert webhook ${detail}.`, { fields: { alertWebhookUrl: [message] } });
  if (url?.protocol !== 'https:') throw field('Use an https:// address', 'must use https');
  const problem = obviouslyPrivate(url);
  if (problem) throw field('Use a public address, not a private or local one', `must be public: ${problem}`);
}

/** The audited fields, money in USD. */
function snapshot(row: Budget) {
  return {
    monthlyLimitUsd: usd(row.monthlyLimitNano),
    dailyCapUsd: usd(row.dailyCapNano),
    downgradeBelowPercent: row.downgradeBelowPercent ?? null,
    rpm: row.rpm ?? null,
    tpm: row.tpm ?? null,
    alertWebhookUrl: row.alertWebhookUrl ?? null,
  };
}
