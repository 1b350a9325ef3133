// Tells a workspace's owners and billing members about its plan by e-mail (outbox in demo/test).
import type { Em } from '../../db/orm.ts';
import type { Mailer } from '../email/mailer.ts';
import { MembershipRepository } from '../member/membership.repository.ts';
import { TenantRepository } from '../tenant/tenant.repository.ts';
import { UserRepository } from '../user/user.repository.ts';
import { type BillingNotice, billingEmail } from './billing.emails.ts';

export class BillingNotices {
  private readonly d: { em: Em; mailer: Mailer; publicUrl: string };
  constructor(d: { em: Em; mailer: Mailer; publicUrl: string }) {
    this.d = d;
  }

  async send(tenantId: string, kind: BillingNotice, date: Date | null): Promise<void> {
    const { em } = this.d;
    const workspace = (await new TenantRepository(em).findById(tenantId))?.name ?? 'Colmeia';
    const members = await new MembershipRepository(em).listForTenant(tenantId);
    const users = await new UserRepository(em).findByIds(
      members.filter((m) => m.role === 'owner' || m.role === 'billing').map((m) => m.user),
    );
    const url = `${this.d.publicUrl.replace(/\/$/, '')}/w/${tenantId}/billing`;
    for (const user of users) {
      const day =
        date?.toLocaleDateString(user.locale === 'pt-BR' ? 'pt-BR' : 'en-GB', { timeZone: 'UTC' }) ?? null;
      const mail = billingEmail(kind, { workspace, url, date: day }, user.locale);
      await this.d.mailer.send(em, { to: user.email, ...mail, kind: `billing_${kind}` });
    }
  }
}
