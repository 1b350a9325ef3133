import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly name: Locator;
  readonly saveName: Locator;
  readonly renamed: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Configurações do espaço' });
    this.name = page.getByLabel('Nome do espaço', { exact: true });
    this.saveName = page.getByRole('button', { name: 'Salvar nome' });
    this.renamed = page.getByRole('status').filter({ hasText: 'Nome atualizado.' });
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/settings`);
  }

  async rename(name: string): Promise<void> {
    await this.name.fill(name);
    await this.saveName.click();
  }
}
