import type { Em } from '../../../db/orm.ts';
import { LlmProvider } from './provider.entity.ts';

export class ProviderRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  list(): Promise<LlmProvider[]> {
    return this.em.find(LlmProvider, {}, { orderBy: { priority: 'asc', name: 'asc' } });
  }

  findById(id: string): Promise<LlmProvider | null> {
    return this.em.findOne(LlmProvider, { id });
  }

  findByName(name: string): Promise<LlmProvider | null> {
    return this.em.findOne(LlmProvider, { name });
  }

  create(
    data: Pick<
      LlmProvider,
      'name' | 'kind' | 'baseUrl' | 'secretSealed' | 'secretHint' | 'priority' | 'rpm' | 'tpm' | 'enabled'
    >,
  ): LlmProvider {
    const row = this.em.create(LlmProvider, data);
    this.em.persist(row);
    return row;
  }

  remove(row: LlmProvider): void {
    this.em.remove(row);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
