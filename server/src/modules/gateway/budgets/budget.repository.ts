import type { Em } from '../../../db/orm.ts';
import { forTenant } from '../../../db/tenant-filter.ts';
import { Budget } from './budget.entity.ts';

export const WORKSPACE_SCOPE = 'workspace';
export const agentScope = (agentId: string): string => `agent:${agentId}`;

export class BudgetRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  find(tenantId: string, scope: string): Promise<Budget | null> {
    return this.em.findOne(Budget, { tenant: tenantId, scope }, forTenant(tenantId));
  }

  /** The workspace row and, when asked, the agent's row. */
  findForCall(tenantId: string, agentId: string | null): Promise<Budget[]> {
    const scopes = agentId ? [WORKSPACE_SCOPE, agentScope(agentId)] : [WORKSPACE_SCOPE];
    return this.em.find(Budget, { tenant: tenantId, scope: { $in: scopes } }, forTenant(tenantId));
  }

  listForTenant(tenantId: string): Promise<Budget[]> {
    return this.em.find(Budget, { tenant: tenantId }, { ...forTenant(tenantId), orderBy: { scope: 'asc' } });
  }

  async getOrCreate(tenantId: string, scope: string, agentId: string | null): Promise<Budget> {
    const found = await this.find(tenantId, scope);
    if (found) return found;
    const row = this.em.create(Budget, { tenant: tenantId, scope, agentId });
    this.em.persist(row);
    return row;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
