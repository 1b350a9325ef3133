import type { Em } from '../../db/orm.ts';
import { EmailMessage } from './email.entity.ts';

export class EmailRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  list(q: { to?: string | undefined; limit: number; cursor?: Date | undefined }): Promise<EmailMessage[]> {
    const where: Record<string, unknown> = {};
    if (q.to) where.to = { $ilike: `%${q.to}%` };
    if (q.cursor) where.createdAt = { $lt: q.cursor };
    return this.em.find(EmailMessage, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: q.limit });
  }
}
