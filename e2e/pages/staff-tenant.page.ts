import type { Locator, Page } from '@playwright/test';

/** /staff/tenants/:id: one workspace as support sees it, with "Personificar" per member. */
export class StaffTenantPage {
  readonly page: Page;
  readonly members: Locator;
  readonly dialog: ImpersonateDialog;

  constructor(page: Page) {
    this.page = page;
    this.members = page.getByRole('table', { name: 'Membros', exact: true });
    this.dialog = new ImpersonateDialog(page);
  }

  heading(workspace: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Espaço ${workspace}` });
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/staff/tenants/${tenantId}`);
  }

  impersonateButton(memberEmail: string): Locator {
    return this.members
      .getByRole('row')
      .filter({ hasText: memberEmail })
      .getByRole('button', { name: 'Personificar' });
  }

  /** Opens the dialog for a member, states the reason and ticket and starts. */
  async impersonate(member: { name: string; email: string }, reason: string, ticket: string): Promise<void> {
    await this.impersonateButton(member.email).click();
    await this.dialog.reason(member.name).fill(reason);
    await this.dialog.ticket(member.name).fill(ticket);
    await this.dialog.start(member.name).click();
  }
}

export class ImpersonateDialog {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  of(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Personificar ${name}` });
  }

  reason(name: string): Locator {
    return this.of(name).getByLabel('Motivo');
  }

  ticket(name: string): Locator {
    return this.of(name).getByLabel('Chamado');
  }

  start(name: string): Locator {
    return this.of(name).getByRole('button', { name: 'Iniciar personificação' });
  }
}
