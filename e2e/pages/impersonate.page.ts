import type { Locator, Page } from '@playwright/test';

/** /impersonate?token=…: redeems the staff console's single-use handoff link. */
export class ImpersonatePage {
  readonly page: Page;
  readonly failedHeading: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.failedHeading = page.getByRole('heading', {
      level: 1,
      name: 'Não foi possível iniciar a personificação',
    });
    this.error = page.getByRole('alert');
  }

  async open(path: string): Promise<void> {
    await this.page.goto(path);
  }
}
