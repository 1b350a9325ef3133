// Per-request (or per-job) object graph: repositories on the forked EntityManager and the services
// built on them, created lazily so a request pays only for what it touches. Split by area:
// container.core.ts (accounts, workspaces, staff) → container.gateway.ts (LLM gateway) → this file
// (bots, WhatsApp, conversations, Cloud API, webhooks).

import { GatewayContainer } from './container.gateway.ts';
import type { Em } from './db/orm.ts';
import type { Deps } from './deps.ts';
import { billingServices } from './modules/billing/billing.wiring.ts';
import { BotRepository } from './modules/bot/bot.repository.ts';
import { BotService } from './modules/bot/bot.service.ts';
import { BotConfigRepository } from './modules/bot-config/bot-config.repository.ts';
import { BotConfigService } from './modules/bot-config/bot-config.service.ts';
import { CloudRepository } from './modules/cloud/cloud.repository.ts';
import { CloudService } from './modules/cloud/cloud.service.ts';
import { CloudSender } from './modules/cloud/cloud-sender.ts';
import { sandboxSender, WebSender } from './modules/conversation/channels.ts';
import { ConversationQueries } from './modules/conversation/conversation.queries.ts';
import { ConversationService } from './modules/conversation/conversation.service.ts';
import { DeadLetterNames } from './modules/conversation/dead-letters.repository.ts';
import { DeadLetterService } from './modules/conversation/dead-letters.service.ts';
import { PairingRepository } from './modules/conversation/pairing.repository.ts';
import { PipelineService } from './modules/conversation/pipeline.service.ts';
import { PipelineStore } from './modules/conversation/pipeline.store.ts';
import { planGate } from './modules/conversation/plan-gate.ts';
import { WebhookRepository } from './modules/webhooks/webhook.repository.ts';
import { WebhookService } from './modules/webhooks/webhook.service.ts';
import { WebhookDeliveryService } from './modules/webhooks/webhook-delivery.service.ts';
import type { WebhookEvent } from './modules/webhooks/webhook-runtime.ts';
import { BotHostRepository } from './modules/whatsapp/bot-host.repository.ts';
import { DemoPhoneService } from './modules/whatsapp/demo-phone.service.ts';
import { HostRegistryService } from './modules/whatsapp/host-registry.service.ts';
import { LinkService } from './modules/whatsapp/link.service.ts';
import { WaSessionRepository } from './modules/whatsapp/wa-session.repository.ts';

export class Container extends GatewayContainer {
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
          plan: (tenantId) => this.deps.billing.entitlements.of(tenantId),
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
          plan: (tenantId) => this.deps.billing.entitlements.of(tenantId),
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
      return new PipelineService({
        store: new PipelineStore(this.em),
        pairings: new PairingRepository(this.em),
        configs: {
          latest: (tenantId: string, botId: string) =>
            conversations.configs.get(botId, () => new BotConfigRepository(this.em).latest(tenantId, botId)),
        },
        gateway: this.gateway,
        sender: (input) =>
          input.channel === 'web'
            ? new WebSender({
                bus: whatsapp.commands,
                placement: () =>
                  whatsapp.updates.placement.get(input.botId, async () => {
                    const s = await this.waSessions.find(input.tenantId, input.botId);
                    return s ? { hostId: s.hostId ?? null, state: s.state } : null;
                  }),
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
        plan: async (input) =>
          planGate(await this.deps.billing.entitlements.of(input.tenantId), this.deps.billing.quota, {
            now: clock.now(),
            counted: input.channel !== 'sandbox',
          }),
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
  /** Plans, subscription, Stripe, provisioning, staff levers, the billing jobs (billing.wiring.ts). */
  get billing() {
    return this.once('billing', () => billingServices(this));
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
