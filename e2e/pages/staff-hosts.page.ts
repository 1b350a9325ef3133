import type { Locator, Page } from '@playwright/test';

/** /staff/hosts: the bot hosts with health and capacity. */
export class StaffHostsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Hosts de bots' });
    this.table = page.getByRole('table', { name: 'Hosts de bots' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/staff/hosts');
  }

  row(hostId: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: hostId, exact: true }) });
  }

  hostLink(hostId: string): Locator {
    return this.table.getByRole('link', { name: hostId, exact: true });
  }
}

/** /staff/hosts/:hostId: the sessions on one host, each restartable. */
export class StaffHostPage {
  readonly page: Page;
  readonly sessions: Locator;
  readonly restartDialog: Locator;
  readonly restarted: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sessions = page.getByRole('table', { name: 'Sessões do host' });
    this.restartDialog = page.getByRole('dialog', { name: 'Reiniciar sessão' });
    this.restarted = page.getByRole('status').filter({ hasText: 'Reinício pedido para' });
  }

  heading(hostId: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Host ${hostId}` });
  }

  session(botName: string): Locator {
    return this.sessions.getByRole('row').filter({ hasText: botName });
  }

  async restart(botName: string): Promise<void> {
    await this.sessions.getByRole('button', { name: `Reiniciar a sessão de ${botName}` }).click();
    await this.restartDialog.getByRole('button', { name: 'Reiniciar' }).click();
  }
}
