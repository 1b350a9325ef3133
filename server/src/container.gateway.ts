// The per-request container, part 2: the LLM gateway's services (process-wide runtime in deps).

import { CoreContainer } from './container.core.ts';
import { ApiKeyRepository } from './modules/gateway/api-keys/api-key.repository.ts';
import { ApiKeyService } from './modules/gateway/api-keys/api-key.service.ts';
import { AlertService } from './modules/gateway/budgets/alert.service.ts';
import { BudgetRepository, WORKSPACE_SCOPE } from './modules/gateway/budgets/budget.repository.ts';
import { BudgetService } from './modules/gateway/budgets/budget.service.ts';
import { BudgetAlertRepository } from './modules/gateway/budgets/budget-alert.repository.ts';
import { ProviderRepository } from './modules/gateway/providers/provider.repository.ts';
import { ProviderService } from './modules/gateway/providers/provider.service.ts';
import { UsageRepository } from './modules/gateway/usage/usage.repository.ts';
import { UsageReportService } from './modules/gateway/usage/usage-report.service.ts';

export class GatewayContainer extends CoreContainer {
  get gateway() {
    return this.deps.gateway.service;
  }
  get budgets() {
    const g = this.deps.gateway;
    return this.once(
      'budgets',
      () =>
        new BudgetService({
          repo: new BudgetRepository(this.em),
          audit: this.audit,
          admission: g.admission,
          policies: g.policies,
          alerts: g.alerts,
          dailyCapHit: (tenantId, day) => new BudgetAlertRepository(this.em).dailyCapLimit(tenantId, day),
          box: g.box,
          now: () => this.deps.clock.now(),
          defaults: { rpm: this.deps.env.GATEWAY_TENANT_RPM, tpm: this.deps.env.GATEWAY_TENANT_TPM },
          strictWebhooks: this.deps.env.COLMEIA_MODE === 'production',
        }),
    );
  }
  get budgetAlerts() {
    return this.once(
      'budgetAlerts',
      () => new AlertService(new BudgetAlertRepository(this.em), () => this.deps.clock.now()),
    );
  }
  get usageReports() {
    return this.once(
      'usageReports',
      () =>
        new UsageReportService({
          repo: new UsageRepository(this.em),
          now: () => this.deps.clock.now(),
          monthlyLimitNano: async (tenantId) =>
            (await new BudgetRepository(this.em).find(tenantId, WORKSPACE_SCOPE))?.monthlyLimitNano ?? null,
        }),
    );
  }
  get apiKeys() {
    return this.once(
      'apiKeys',
      () =>
        new ApiKeyService({
          repo: new ApiKeyRepository(this.em),
          audit: this.audit,
          auth: this.deps.gateway.apiKeyAuth,
          now: () => this.deps.clock.now(),
          plan: (tenantId) => this.deps.billing.entitlements.of(tenantId),
        }),
    );
  }
  get providers() {
    const g = this.deps.gateway;
    return this.once(
      'providers',
      () =>
        new ProviderService({
          repo: new ProviderRepository(this.em),
          usage: new UsageRepository(this.em),
          audit: this.audit,
          pool: g.pool,
          breakers: g.breakers,
          gate: g.gate,
          box: g.box,
          now: () => this.deps.clock.now(),
        }),
    );
  }
}
