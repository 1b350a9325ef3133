import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/bots/:botId/versions: the configuration's history with restore. */
export class BotVersionsPage {
  readonly page: Page;
  readonly list: Locator;
  readonly restoreDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByRole('list', { name: 'Versões da configuração' });
    this.restoreDialog = page.getByRole('dialog', { name: 'Restaurar versão' });
  }

  version(n: number): Locator {
    return this.list.getByRole('listitem', { name: `Versão ${n}`, exact: true });
  }

  async restore(n: number): Promise<void> {
    await this.page.getByRole('button', { name: `Restaurar a versão ${n}` }).click();
    await this.restoreDialog.getByRole('button', { name: 'Restaurar' }).click();
  }
}
