// DM pairing requests (the pipeline's rare path, so the entity and unit of work are worth their
// cost; its per-message statements are in pipeline.store.ts).
import type { Em } from '../../db/orm.ts';
import { forTenant } from '../../db/tenant-filter.ts';
import { PairingRequest } from './pairing-request.entity.ts';

export class PairingRepository {
  readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  pendingPairing(tenantId: string, botId: string, phone: string, now: Date): Promise<PairingRequest | null> {
    return this.em.findOne(
      PairingRequest,
      { tenant: tenantId, bot: botId, phone, status: 'pending', expiresAt: { $gt: now } },
      forTenant(tenantId),
    );
  }

  async approvedPhones(tenantId: string, botId: string): Promise<Set<string>> {
    const rows = await this.em.find(
      PairingRequest,
      { tenant: tenantId, bot: botId, status: 'approved' },
      { ...forTenant(tenantId), fields: ['phone'] },
    );
    return new Set(rows.map((r) => r.phone));
  }

  addPairing(
    data: Pick<PairingRequest, 'tenant' | 'bot' | 'phone' | 'name' | 'code' | 'expiresAt'>,
  ): PairingRequest {
    const row = this.em.create(PairingRequest, data);
    this.em.persist(row);
    return row;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
