import type { Locator, Page } from '@playwright/test';
import type { Role } from '../fixtures/api.ts';

const ROLE_LABELS: Record<Exclude<Role, 'owner'>, string> = {
  admin: 'Administrador',
  member: 'Membro',
  viewer: 'Leitor',
  billing: 'Financeiro',
};

export class TeamPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly members: Locator;
  readonly roleSelects: Locator;
  readonly inviteForm: Locator;
  readonly inviteEmail: Locator;
  readonly inviteRole: Locator;
  readonly inviteButton: Locator;
  readonly invitations: Locator;
  /** "Your role (…) cannot manage members and invitations." */
  readonly cannotManageNotice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Equipe' });
    this.members = page.getByRole('table', { name: 'Membros do espaço' });
    this.roleSelects = this.members.getByRole('combobox', { name: /^Função de / });
    this.inviteForm = page.getByRole('form', { name: 'Convidar pessoa' });
    this.inviteEmail = this.inviteForm.getByLabel('E-mail', { exact: true });
    this.inviteRole = this.inviteForm.getByLabel('Função', { exact: true });
    this.inviteButton = this.inviteForm.getByRole('button', { name: 'Convidar', exact: true });
    this.invitations = page.getByRole('table', { name: 'Convites do espaço' });
    this.cannotManageNotice = page.getByRole('status').filter({ hasText: 'não permite gerenciar membros' });
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/team`);
  }

  roleOf(name: string): Locator {
    return this.members.getByRole('combobox', { name: `Função de ${name}`, exact: true });
  }

  invitationRow(email: string): Locator {
    return this.invitations.getByRole('row').filter({ hasText: email });
  }

  inviteSent(email: string): Locator {
    return this.inviteForm.getByRole('status').filter({ hasText: `Convite enviado para ${email}.` });
  }

  async invite(email: string, role: Exclude<Role, 'owner'>): Promise<void> {
    await this.inviteEmail.fill(email);
    await this.inviteRole.selectOption({ label: ROLE_LABELS[role] });
    await this.inviteButton.click();
  }

  async changeRole(name: string, role: Exclude<Role, 'owner'>): Promise<void> {
    await this.roleOf(name).selectOption({ label: ROLE_LABELS[role] });
  }
}
