// The platform's provider pool as staff manage it. Secrets go in sealed and come out only as a
// hint; every change is audited and takes effect at once on this instance (breaker and spend flag
// reset, pool reloaded) and within seconds on the others.
import type { ProviderDto, ZCreateProviderInput, ZUpdateProviderInput } from '@colmeia/shared';
import type { z } from 'zod';
import { AppError } from '../../../errors.ts';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import type { BreakerRegistry } from '../breaker/breakers.ts';
import { classify } from '../breaker/classify.ts';
import type { RedisGate } from '../limits/redis-gate.ts';
import type { UsageRepository } from '../usage/usage.repository.ts';
import type { LlmProvider } from './provider.entity.ts';
import type { ProviderRepository } from './provider.repository.ts';
import { providerHealth } from './provider-health.ts';
import type { ProviderPool } from './provider-pool.ts';
import { type SecretBox, secretHint } from './secret-box.ts';

type CreateInput = z.output<typeof ZCreateProviderInput>;
type UpdateInput = z.output<typeof ZUpdateProviderInput>;

export class ProviderService {
  private readonly d: {
    repo: ProviderRepository;
    usage: Pick<UsageRepository, 'providerStats' | 'recentErrors'>;
    audit: Pick<AuditService, 'record'>;
    pool: ProviderPool;
    breakers: BreakerRegistry;
    gate: RedisGate;
    box: SecretBox;
    now: () => Date;
  };

  constructor(d: ProviderService['d']) {
    this.d = d;
  }

  async list(): Promise<ProviderDto[]> {
    const rows = await this.d.repo.list();
    const health = await providerHealth(
      rows.map((r) => r.id),
      this.d,
      this.d.now(),
    );
    return rows.map((r) => toDto(r, health.get(r.id)!));
  }

  async create(actor: Actor, input: CreateInput): Promise<ProviderDto> {
    await this.assertNameFree(input.name, null);
    const row = this.d.repo.create({
      name: input.name,
      kind: input.kind,
      baseUrl: input.baseUrl,
      secretSealed: this.d.box.seal(input.secret),
      secretHint: secretHint(input.secret),
      priority: input.priority,
      rpm: input.rpm,
      tpm: input.tpm,
      enabled: input.enabled,
    });
    await this.d.repo.flush();
    await this.audit(actor, 'provider.created', row, describe(row));
    return this.one(row);
  }

  async update(actor: Actor, input: UpdateInput): Promise<ProviderDto> {
    const row = await this.mustFind(input.id);
    if (input.name !== undefined) await this.assertNameFree(input.name, row.id);
    const before = describe(row);
    const { id: _id, secret, ...fields } = input;
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) Object.assign(row, { [key]: value });
    if (secret !== undefined) {
      row.secretSealed = this.d.box.seal(secret);
      row.secretHint = secretHint(secret);
    }
    await this.d.repo.flush();
    const after = describe(row);
    const changes = Object.fromEntries(
      Object.keys(after)
        .filter((k) => before[k as keyof typeof before] !== after[k as keyof typeof after])
        .map((k) => [k, { from: before[k as keyof typeof before], to: after[k as keyof typeof after] }]),
    );
    await this.audit(actor, 'provider.updated', row, {
      changes,
      ...(secret !== undefined ? { secret: 'replaced' } : {}),
    });
    // A save is how staff bring a provider back: fresh breaker, spend-limit flag cleared.
    this.d.breakers.reset(row.id);
    await this.d.pool.clearSpendLimit(row.id);
    return this.one(row);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.mustFind(id);
    this.d.repo.remove(row);
    await this.d.repo.flush();
    await this.audit(actor, 'provider.deleted', row, describe(row));
    this.d.breakers.reset(id);
  }

  /** A one-token call straight to the provider (no breaker, no tenant, not billed to anyone). */
  async test(id: string) {
    const row = await this.mustFind(id);
    const provider = this.d.pool.build(row, this.d.box.open(row.secretSealed), 0);
    const started = performance.now();
    try {
      const { request_id } = await provider.client.messages
        .create({ model: 'claude-haiku-4-5', max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] })
        .withResponse();
      return {
        ok: true,
        latencyMs: ms(started),
        status: 200,
        errorType: null,
        message: null,
        requestId: request_id ?? null,
      };
    } catch (error) {
      const f = classify(error);
      return {
        ok: false,
        latencyMs: ms(started),
        status: f.status,
        errorType: f.type,
        message: f.message.slice(0, 300),
        requestId: f.requestId,
      };
    }
  }

  private async one(row: LlmProvider): Promise<ProviderDto> {
    this.d.pool.invalidate();
    const health = await providerHealth([row.id], this.d, this.d.now());
    return toDto(row, health.get(row.id)!);
  }

  private async mustFind(id: string): Promise<LlmProvider> {
    const row = await this.d.repo.findById(id);
    if (!row) throw new AppError('NOT_FOUND', 'Provider not found.', { reason: 'provider.not_found' });
    return row;
  }

  private async assertNameFree(name: string, selfId: string | null): Promise<void> {
    const other = await this.d.repo.findByName(name);
    if (other && other.id !== selfId) {
      throw new AppError('CONFLICT', 'A provider with this name exists.', {
        fields: { name: ['Name already in use'] },
      });
    }
  }

  private audit(actor: Actor, action: string, row: LlmProvider, details: Record<string, unknown>) {
    return this.d.audit.record(actor, { action, tenantId: null, target: `provider:${row.id}`, details });
  }
}

const ms = (started: number) => Math.round(performance.now() - started);

/** The audited view of a provider: never the secret, only its hint. */
function describe(r: LlmProvider) {
  return {
    name: r.name,
    kind: r.kind,
    baseUrl: r.baseUrl ?? null,
    priority: r.priority,
    rpm: r.rpm ?? null,
    tpm: r.tpm ?? null,
    enabled: r.enabled,
    secretHint: r.secretHint,
  };
}

function toDto(r: LlmProvider, health: ProviderDto['health']): ProviderDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    baseUrl: r.baseUrl ?? null,
    priority: r.priority,
    rpm: r.rpm ?? null,
    tpm: r.tpm ?? null,
    enabled: r.enabled,
    secretHint: r.secretHint,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    health,
  };
}
