import type { Locator, Page } from '@playwright/test';

export class AuditPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly noPermission: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Registro de auditoria' });
    this.table = page.getByRole('table', { name: 'Eventos de auditoria' });
    this.noPermission = page
      .getByRole('status')
      .filter({ hasText: 'não permite ver o registro de auditoria' });
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/audit`);
  }

  /** Rows whose action is the raw dotted name (shown under the plain-words label). */
  rows(action: string): Locator {
    const code = this.page.locator('code', { hasText: new RegExp(`^${action.replaceAll('.', '\\.')}$`) });
    return this.table.getByRole('row').filter({ has: code });
  }
}
