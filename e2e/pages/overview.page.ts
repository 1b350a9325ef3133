import type { Locator, Page } from '@playwright/test';

export class OverviewPage {
  readonly page: Page;
  /** The workspace name. */
  readonly heading: Locator;
  readonly createdAt: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.createdAt = page.getByRole('region', { name: /^(Criado em|Created)$/ }).locator('time');
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/overview`);
  }
}
