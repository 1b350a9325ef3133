// A workspace's webhook endpoints: create (the secret is shown once), edit, enable or disable,
// rotate the secret, delete, send a test event. Changes to endpoints are audited; the router
// refuses rotating and deleting while impersonating.
import { randomUUID } from 'node:crypto';
import {
  type CreateWebhookEndpointInput,
  type UpdateWebhookEndpointInput,
  WEBHOOK_TEST_EVENT,
  type WebhookDeliveryDto,
  type WebhookEndpointDto,
} from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { type SecretBox, secretHint } from '../gateway/providers/secret-box.ts';
import { deliveryDto, endpointDto } from './webhook.dto.ts';
import type { WebhookRepository } from './webhook.repository.ts';
import type { WebhookEndpoint } from './webhook-endpoint.entity.ts';
import type { TenantWebhooks } from './webhook-runtime.ts';
import { newWebhookSecret } from './webhook-signing.ts';
import { checkEndpointUrl, urlForAudit } from './webhook-url.ts';

const MAX_ENDPOINTS = 20;

export interface WebhookServiceDeps {
  repo: WebhookRepository;
  audit: Pick<AuditService, 'record'>;
  box: SecretBox;
  runtime: Pick<TenantWebhooks, 'deliver' | 'forget'>;
  /** Production: https and public addresses only. */
  strictUrls: boolean;
}

export class WebhookService {
  private readonly d: WebhookServiceDeps;
  constructor(d: WebhookServiceDeps) {
    this.d = d;
  }

  async list(tenantId: string): Promise<WebhookEndpointDto[]> {
    return (await this.d.repo.listEndpoints(tenantId)).map(endpointDto);
  }

  async create(
    actor: Actor,
    tenantId: string,
    input: CreateWebhookEndpointInput,
  ): Promise<{ endpoint: WebhookEndpointDto; secret: string }> {
    checkEndpointUrl(input.url, this.d.strictUrls);
    if ((await this.d.repo.countEndpoints(tenantId)) >= MAX_ENDPOINTS) {
      throw new AppError('PRECONDITION_FAILED', `A workspace can have at most ${MAX_ENDPOINTS} webhooks.`, {
        reason: 'webhook.too_many',
      });
    }
    const secret = newWebhookSecret();
    const row = this.d.repo.createEndpoint({
      tenant: tenantId,
      url: input.url,
      description: input.description,
      events: input.events,
      secretSealed: this.d.box.seal(secret),
      secretHint: secretHint(secret),
      createdBy: actor.impersonator ? null : actor.userId,
      createdByEmail: actor.impersonator?.email ?? actor.email,
    });
    await this.d.repo.flush();
    this.d.runtime.forget(tenantId);
    await this.audited(actor, tenantId, 'webhook.created', row, snapshot(row));
    return { endpoint: endpointDto(row), secret };
  }

  async update(
    actor: Actor,
    tenantId: string,
    input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointDto> {
    const row = await this.find(tenantId, input.id);
    if (input.url !== undefined && input.url !== row.url) checkEndpointUrl(input.url, this.d.strictUrls);
    const before = { url: row.url, description: row.description, events: row.events, enabled: row.enabled };
    const audited = snapshot(row);
    if (input.url !== undefined) row.url = input.url;
    if (input.description !== undefined) row.description = input.description;
    if (input.events !== undefined) row.events = input.events;
    if (input.enabled !== undefined) row.enabled = input.enabled;
    const changed = (['url', 'description', 'events', 'enabled'] as const).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(row[k]),
    );
    if (changed.length === 0) return endpointDto(row);
    await this.d.repo.flush();
    this.d.runtime.forget(tenantId);
    const after = snapshot(row);
    const changes = Object.fromEntries(changed.map((k) => [k, { from: audited[k], to: after[k] }]));
    await this.audited(actor, tenantId, 'webhook.updated', row, { changes });
    return endpointDto(row);
  }

  async rotateSecret(
    actor: Actor,
    tenantId: string,
    id: string,
  ): Promise<{ endpoint: WebhookEndpointDto; secret: string }> {
    const row = await this.find(tenantId, id);
    const secret = newWebhookSecret();
    row.secretSealed = this.d.box.seal(secret);
    row.secretHint = secretHint(secret);
    await this.d.repo.flush();
    await this.audited(actor, tenantId, 'webhook.secret_rotated', row, { url: urlForAudit(row.url) });
    return { endpoint: endpointDto(row), secret };
  }

  /** Deletes the endpoint and its delivery log; queued attempts find nothing and stop. */
  async delete(actor: Actor, tenantId: string, id: string): Promise<void> {
    const row = await this.find(tenantId, id);
    this.d.repo.removeEndpoint(row);
    await this.d.repo.flush();
    this.d.runtime.forget(tenantId);
    await this.audited(actor, tenantId, 'webhook.deleted', row, snapshot(row));
  }

  /** Delivers a test event to this endpoint only, whatever it subscribes to. */
  async sendTest(tenantId: string, id: string): Promise<WebhookDeliveryDto> {
    const row = await this.find(tenantId, id);
    if (!row.enabled) {
      throw new AppError('PRECONDITION_FAILED', 'Enable the webhook before sending a test event.', {
        reason: 'webhook.disabled',
      });
    }
    const [deliveryId] = await this.d.runtime.deliver(this.d.repo, tenantId, [row], {
      id: `test_${randomUUID()}`,
      type: WEBHOOK_TEST_EVENT,
      data: { message: 'A test event from Colmeia. If you can read this, the webhook works.' },
    });
    const delivery = deliveryId ? await this.d.repo.findDelivery(tenantId, deliveryId) : null;
    if (!delivery) throw new AppError('INTERNAL', 'The test delivery was not recorded.');
    return deliveryDto(delivery);
  }

  private async find(tenantId: string, id: string): Promise<WebhookEndpoint> {
    const row = await this.d.repo.findEndpoint(tenantId, id);
    if (!row) throw new AppError('NOT_FOUND', 'Webhook not found.', { reason: 'webhook.not_found' });
    return row;
  }

  private async audited(
    actor: Actor,
    tenantId: string,
    action: string,
    row: WebhookEndpoint,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.d.audit.record(actor, { action, tenantId, target: `webhook:${row.id}`, details });
  }
}

/** The audited fields; the URL without credentials or query string. */
function snapshot(row: WebhookEndpoint): Record<string, unknown> {
  return {
    url: urlForAudit(row.url),
    description: row.description,
    events: row.events,
    enabled: row.enabled,
  };
}
