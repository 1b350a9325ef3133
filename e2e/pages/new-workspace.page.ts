import type { Locator, Page } from '@playwright/test';

export class NewWorkspacePage {
  readonly page: Page;
  readonly name: Locator;
  readonly create: Locator;

  constructor(page: Page) {
    this.page = page;
    this.name = page.getByLabel('Nome do espaço');
    this.create = page.getByRole('button', { name: 'Criar espaço' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/workspaces/new');
  }

  async createWorkspace(name: string): Promise<void> {
    await this.name.fill(name);
    await this.create.click();
  }
}
