// The auth module's own queries: workspace names for `me`, how many links a user was recently
// sent, and a flush that turns a duplicate-key race into a plain answer.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Em } from '../../db/orm.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { OneTimeToken, type TokenPurpose } from './one-time-token.entity.ts';

export class AuthRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  /** Read-only: the workspaces a user belongs to, for their names. */
  findTenantsByIds(ids: string[]): Promise<Tenant[]> {
    return ids.length ? this.em.find(Tenant, { id: { $in: ids } }) : Promise.resolve([]);
  }

  countTokensIssuedSince(userId: string, purpose: TokenPurpose, since: Date): Promise<number> {
    return this.em.count(OneTimeToken, { user: userId, purpose, createdAt: { $gte: since } });
  }

  /** Flushes pending changes; false (and nothing written) when a unique constraint refused them. */
  async flushUnlessDuplicate(): Promise<boolean> {
    try {
      await this.em.flush();
      return true;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      return false;
    }
  }
}
