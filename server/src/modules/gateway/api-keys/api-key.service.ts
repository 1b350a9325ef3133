// A workspace's API keys for POST /v1/messages: named, shown once at creation, revocable. Creating
// and revoking are audited; the routers mark both as blocked while impersonating.
import type { ApiKeyDto } from '@colmeia/shared';
import { AppError } from '../../../errors.ts';
import type { Actor, AuditService } from '../../audit/audit.service.ts';
import type { Entitlement } from '../../billing/entitlements.ts';
import type { ApiKey } from './api-key.entity.ts';
import type { ApiKeyRepository } from './api-key.repository.ts';
import type { ApiKeyAuth } from './api-key-auth.ts';
import { newApiKey } from './api-key-auth.ts';

type Repo = Pick<ApiKeyRepository, 'listForTenant' | 'findById' | 'create' | 'flush'>;
const MAX_ACTIVE = 50;

export class ApiKeyService {
  private readonly d: {
    repo: Repo;
    audit: Pick<AuditService, 'record'>;
    auth: Pick<ApiKeyAuth, 'forget'>;
    now: () => Date;
    /** The workspace's plan: API keys need a plan with API access. */
    plan: (tenantId: string) => Promise<Pick<Entitlement, 'plan'>>;
  };

  constructor(d: ApiKeyService['d']) {
    this.d = d;
  }

  async list(tenantId: string): Promise<ApiKeyDto[]> {
    return (await this.d.repo.listForTenant(tenantId)).map(toDto);
  }

  async create(actor: Actor, tenantId: string, name: string): Promise<{ key: ApiKeyDto; secret: string }> {
    const { plan } = await this.d.plan(tenantId);
    if (!plan.limits.apiAccess) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `Your ${plan.name} plan does not include API access. Upgrade on the Billing page.`,
        {
          reason: 'plan.no_api_access',
        },
      );
    }
    const active = (await this.d.repo.listForTenant(tenantId)).filter((k) => !k.revokedAt);
    if (active.length >= MAX_ACTIVE) {
      throw new AppError('PRECONDITION_FAILED', `A workspace can have at most ${MAX_ACTIVE} active keys.`, {
        reason: 'apiKey.too_many',
      });
    }
    const made = newApiKey();
    const row = this.d.repo.create({
      tenant: tenantId,
      name,
      prefix: made.prefix,
      last4: made.last4,
      keyHash: made.keyHash,
      createdBy: actor.impersonator ? null : actor.userId,
      createdByEmail: actor.email,
    });
    await this.d.repo.flush();
    await this.d.audit.record(actor, {
      action: 'api_key.created',
      tenantId,
      target: `api_key:${row.id}`,
      details: { name, prefix: made.prefix },
    });
    return { key: toDto(row), secret: made.secret };
  }

  async revoke(actor: Actor, tenantId: string, id: string): Promise<void> {
    const row = await this.d.repo.findById(tenantId, id);
    if (!row) throw new AppError('NOT_FOUND', 'API key not found.', { reason: 'apiKey.not_found' });
    if (row.revokedAt) return;
    row.revokedAt = this.d.now();
    await this.d.repo.flush();
    this.d.auth.forget(row.keyHash);
    await this.d.audit.record(actor, {
      action: 'api_key.revoked',
      tenantId,
      target: `api_key:${row.id}`,
      details: { name: row.name, prefix: row.prefix },
    });
  }
}

function toDto(k: ApiKey): ApiKeyDto {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    last4: k.last4,
    createdAt: k.createdAt.toISOString(),
    createdByEmail: k.createdByEmail ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  };
}
