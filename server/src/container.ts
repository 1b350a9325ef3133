// Per-request (or per-job) object graph: repositories on the forked EntityManager and the services
// built on them. Created lazily, so a request pays only for what it touches.
import type { Em } from './db/orm.ts';
import type { Deps } from './deps.ts';
import { AuditRepository } from './modules/audit/audit.repository.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { AccountService } from './modules/auth/account.service.ts';
import { AuthRepository } from './modules/auth/auth.repository.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { OneTimeTokenService } from './modules/auth/one-time-token.service.ts';
import { SessionRepository } from './modules/auth/session.repository.ts';
import { SessionService } from './modules/auth/session.service.ts';
import { BotRepository } from './modules/bot/bot.repository.ts';
import { BotService } from './modules/bot/bot.service.ts';
import { BotConfigRepository } from './modules/bot-config/bot-config.repository.ts';
import { BotConfigService } from './modules/bot-config/bot-config.service.ts';
import { CloudRepository } from './modules/cloud/cloud.repository.ts';
import { CloudService } from './modules/cloud/cloud.service.ts';
import { CloudSender } from './modules/cloud/cloud-sender.ts';
import { sandboxSender, WebSender } from './modules/conversation/channels.ts';
import { ConversationQueries } from './modules/conversation/conversation.queries.ts';
import { ConversationRepository } from './modules/conversation/conversation.repository.ts';
import { ConversationService } from './modules/conversation/conversation.service.ts';
import { DeadLetterNames } from './modules/conversation/dead-letters.repository.ts';
import { DeadLetterService } from './modules/conversation/dead-letters.service.ts';
import { PipelineService } from './modules/conversation/pipeline.service.ts';
import type { OutgoingEmail } from './modules/email/mailer.ts';
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
import { ImpersonationService } from './modules/impersonation/impersonation.service.ts';
import { InvitationRepository } from './modules/invitation/invitation.repository.ts';
import { InvitationService } from './modules/invitation/invitation.service.ts';
import { InvitationResponseService } from './modules/invitation/invitation-response.service.ts';
import { MemberService } from './modules/member/member.service.ts';
import { MembershipRepository } from './modules/member/membership.repository.ts';
import { StaffRepository } from './modules/staff/staff.repository.ts';
import { StaffService } from './modules/staff/staff.service.ts';
import { TenantRepository } from './modules/tenant/tenant.repository.ts';
import { TenantService } from './modules/tenant/tenant.service.ts';
import { UserRepository } from './modules/user/user.repository.ts';
import { WebhookRepository } from './modules/webhooks/webhook.repository.ts';
import { WebhookService } from './modules/webhooks/webhook.service.ts';
import { WebhookDeliveryService } from './modules/webhooks/webhook-delivery.service.ts';
import type { WebhookEvent } from './modules/webhooks/webhook-runtime.ts';
import { BotHostRepository } from './modules/whatsapp/bot-host.repository.ts';
import { DemoPhoneService } from './modules/whatsapp/demo-phone.service.ts';
import { HostRegistryService } from './modules/whatsapp/host-registry.service.ts';
import { LinkService } from './modules/whatsapp/link.service.ts';
import { WaSessionRepository } from './modules/whatsapp/wa-session.repository.ts';

export class Container {
  private readonly cache = new Map<string, unknown>();

  readonly deps: Deps;
  readonly em: Em;

  constructor(deps: Deps, em: Em) {
    this.deps = deps;
    this.em = em;
  }

  protected once<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  get users() {
    return this.once('users', () => new UserRepository(this.em));
  }
  get memberships() {
    return this.once('memberships', () => new MembershipRepository(this.em));
  }
  get audit() {
    return this.once('audit', () => new AuditService(new AuditRepository(this.em)));
  }
  get tokens() {
    return this.once('tokens', () => new OneTimeTokenService(this.em, this.deps.clock));
  }
  get sessions() {
    return this.once(
      'sessions',
      () =>
        new SessionService({
          sessions: new SessionRepository(this.em),
          users: this.users,
          audit: this.audit,
          clock: this.deps.clock,
          ttlDays: this.deps.env.SESSION_TTL_DAYS,
        }),
    );
  }
  get auth() {
    return this.once(
      'auth',
      () =>
        new AuthService({
          users: this.users,
          memberships: this.memberships,
          repo: new AuthRepository(this.em),
          sessions: this.sessions,
          tokens: this.tokens,
          audit: this.audit,
          limiter: this.deps.loginLimiter,
          clock: this.deps.clock,
          sendMail: (mail) => this.deps.mailer.send(this.em, mail),
          publicUrl: this.deps.env.PUBLIC_URL,
        }),
    );
  }
  get account() {
    return this.once(
      'account',
      () =>
        new AccountService({
          users: this.users,
          sessions: this.sessions,
          audit: this.audit,
          limiter: this.deps.loginLimiter,
        }),
    );
  }
  get staff() {
    return this.once(
      'staff',
      () => new StaffService({ repo: new StaffRepository(this.em), audit: this.audit }),
    );
  }
  get impersonation() {
    return this.once(
      'impersonation',
      () =>
        new ImpersonationService({
          users: this.users,
          memberships: this.memberships,
          tokens: this.tokens,
          sessions: this.sessions,
          audit: this.audit,
          clock: this.deps.clock,
          sessionMinutes: this.deps.env.IMPERSONATION_MINUTES,
        }),
    );
  }
  get tenantRepository() {
    return this.once('tenantRepository', () => new TenantRepository(this.em));
  }
  get tenants() {
    return this.once(
      'tenants',
      () =>
        new TenantService({
          tenants: this.tenantRepository,
          memberships: this.memberships,
          audit: this.audit,
        }),
    );
  }
  get members() {
    return this.once(
      'members',
      () => new MemberService({ memberships: this.memberships, users: this.users, audit: this.audit }),
    );
  }
  private get invitationDeps() {
    return this.once('invitationDeps', () => ({
      invitations: new InvitationRepository(this.em),
      memberships: this.memberships,
      users: this.users,
      tenants: this.tenantRepository,
      audit: this.audit,
      clock: this.deps.clock,
      send: (mail: OutgoingEmail) => this.deps.mailer.send(this.em, mail),
      publicUrl: this.deps.env.PUBLIC_URL,
    }));
  }
  get invitations() {
    return this.once('invitations', () => new InvitationService(this.invitationDeps));
  }
  get invitationResponses() {
    return this.once('invitationResponses', () => new InvitationResponseService(this.invitationDeps));
  }
  /** The LLM gateway itself (process-wide): bot replies and /v1/messages call it. */
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
  get waSessions() {
    return this.once('waSessions', () => new WaSessionRepository(this.em));
  }
  get botHosts() {
    return this.once('botHosts', () => new BotHostRepository(this.em));
  }
  get link() {
    const { env, clock, whatsapp } = this.deps;
    return this.once(
      'link',
      () =>
        new LinkService({
          sessions: this.waSessions,
          hosts: this.botHosts,
          bus: whatsapp.commands,
          audit: this.audit,
          changed: (botId) => whatsapp.updates.changed(botId),
          now: () => clock.now(),
          staleMs: env.HOST_STALE_MS,
          qrRotationMs: env.QR_ROTATION_MS,
        }),
    );
  }
  get bots() {
    return this.once(
      'bots',
      () =>
        new BotService({
          bots: new BotRepository(this.em),
          sessions: this.waSessions,
          link: this.link,
          configs: this.botConfig,
          cloud: this.cloud,
          audit: this.audit,
          qrRotationMs: this.deps.env.QR_ROTATION_MS,
        }),
    );
  }
  get hostRegistry() {
    return this.once(
      'hostRegistry',
      () =>
        new HostRegistryService({
          hosts: this.botHosts,
          sessions: this.waSessions,
          link: this.link,
          logger: this.deps.logger,
          now: () => this.deps.clock.now(),
          staleMs: this.deps.env.HOST_STALE_MS,
        }),
    );
  }
  get botConfig() {
    return this.once(
      'botConfig',
      () =>
        new BotConfigService({
          repo: new BotConfigRepository(this.em),
          audit: this.audit,
          // Plans (issue #6) narrow this; until then every priced model is allowed.
          allowedModels: async () => null,
          changed: (botId) => this.deps.conversations.configs.invalidate(botId),
        }),
    );
  }
  get cloud() {
    return this.once(
      'cloud',
      () =>
        new CloudService({
          repo: new CloudRepository(this.em),
          audit: this.audit,
          box: this.deps.gateway.box,
          publicUrl: this.deps.env.PUBLIC_URL,
          strictUrls: this.deps.env.COLMEIA_MODE === 'production',
        }),
    );
  }
  get pipeline() {
    const { conversations, whatsapp, clock } = this.deps;
    return this.once('pipeline', () => {
      const repo = new ConversationRepository(this.em);
      return new PipelineService({
        repo,
        configs: {
          latest: (tenantId: string, botId: string) =>
            conversations.configs.get(botId, () => new BotConfigRepository(this.em).latest(tenantId, botId)),
        },
        gateway: this.gateway,
        sender: (input) =>
          input.channel === 'web'
            ? new WebSender({
                bus: whatsapp.commands,
                sessions: this.waSessions,
                tenantId: input.tenantId,
                botId: input.botId,
              })
            : input.channel === 'cloud'
              ? new CloudSender({
                  repo: new CloudRepository(this.em),
                  box: this.deps.gateway.box,
                  input,
                  now: () => clock.now(),
                })
              : sandboxSender,
        throttle: (input) => conversations.throttle.take(input),
        health: async (input, version, ok, why) => {
          if (await conversations.health.report(input.botId, version, ok))
            await this.botConfig.rollback(
              input.tenantId,
              input.botId,
              version,
              why ?? 'replies kept failing',
            );
        },
        now: () => clock.now(),
        emit: this.emitWebhook,
      });
    });
  }
  get conversations() {
    return this.once(
      'conversations',
      () =>
        new ConversationService({
          queries: new ConversationQueries(this.em),
          pipeline: () => this.pipeline,
          audit: this.audit,
          now: () => this.deps.clock.now(),
          botExists: async (tenantId, botId) =>
            Boolean(await new BotRepository(this.em).find(tenantId, botId)),
          emit: this.emitWebhook,
        }),
    );
  }
  /** Staff: pipeline jobs that used up their retries (bull's failed set), retry and discard. */
  get deadLetters() {
    return this.once(
      'deadLetters',
      () =>
        new DeadLetterService({
          queue: this.deps.conversations.queue,
          names: new DeadLetterNames(this.em, this.tenantRepository),
          audit: this.audit,
        }),
    );
  }
  /** Tenant webhooks from request and job code: fire and forget, failures logged (deliveries retry). */
  private readonly emitWebhook = (tenantId: string, event: WebhookEvent): void => {
    this.deps.webhooks
      .emit(tenantId, event)
      .catch((err) => this.deps.logger.error({ err, event: event.id }, 'webhook emit failed'));
  };
  get demoPhone() {
    return this.once(
      'demoPhone',
      () =>
        new DemoPhoneService({
          sessions: this.waSessions,
          hosts: this.botHosts,
          hostToken: this.deps.env.BOT_HOST_TOKEN,
          enabled: this.deps.env.COLMEIA_MODE !== 'production',
          tenantName: async (id) => (await this.tenantRepository.findById(id))?.name ?? 'Colmeia',
        }),
    );
  }
  private get webhookRepository() {
    return this.once('webhookRepository', () => new WebhookRepository(this.em));
  }
  get webhooks() {
    return this.once(
      'webhooks',
      () =>
        new WebhookService({
          repo: this.webhookRepository,
          audit: this.audit,
          box: this.deps.gateway.box,
          runtime: this.deps.webhooks,
          strictUrls: this.deps.env.COLMEIA_MODE === 'production',
        }),
    );
  }
  get webhookDeliveries() {
    return this.once(
      'webhookDeliveries',
      () =>
        new WebhookDeliveryService({
          repo: this.webhookRepository,
          runtime: this.deps.webhooks,
          now: () => this.deps.clock.now(),
        }),
    );
  }
}

export function createContainer(deps: Deps, em: Em = deps.orm.em.fork()): Container {
  return new Container(deps, em);
}
