import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/bots/:botId/pairing: DM pairing requests and "approve by code". */
export class PairingRequestsPage {
  readonly page: Page;
  readonly byCode: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.byCode = page.getByRole('form', { name: 'Aprovar por código' });
    this.table = page.getByRole('table', { name: 'Pedidos de pareamento' });
  }

  row(text: string): Locator {
    return this.table.getByRole('row').filter({ hasText: text });
  }

  async approveCode(code: string): Promise<void> {
    await this.byCode.getByLabel('Código de pareamento').fill(code);
    await this.byCode.getByRole('button', { name: 'Aprovar código' }).click();
  }
}
