import type { Locator, Page } from '@playwright/test';

/** /w/:id/api-keys: create (shown once), list and revoke the workspace's API keys. */
export class ApiKeysPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly name: Locator;
  readonly create: Locator;
  readonly createdDialog: Locator;
  readonly secret: Locator;
  readonly secretWarning: Locator;
  readonly copy: Locator;
  readonly copied: Locator;
  readonly done: Locator;
  readonly table: Locator;
  readonly revokeDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Chaves de API' });
    const form = page.getByRole('form', { name: 'Criar chave de API' });
    this.name = form.getByLabel('Nome da chave');
    this.create = form.getByRole('button', { name: 'Criar chave' });
    this.createdDialog = page.getByRole('dialog', { name: 'Sua nova chave de API' });
    this.secret = this.createdDialog.getByLabel('Chave de API');
    this.secretWarning = this.createdDialog.getByText(/não será mostrada de novo/);
    this.copy = this.createdDialog.getByRole('button', { name: 'Copiar' });
    this.copied = this.createdDialog.getByText('Copiado para a área de transferência.');
    this.done = this.createdDialog.getByRole('button', { name: 'Já guardei a chave' });
    this.table = page.getByRole('table', { name: 'Chaves de API' });
    this.revokeDialog = page.getByRole('dialog', { name: /^Revogar a chave / });
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/api-keys`);
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** Creates a key and returns the secret from the one-time dialog (left open). */
  async createKey(name: string): Promise<string> {
    await this.name.fill(name);
    await this.create.click();
    return this.secret.inputValue();
  }

  async revoke(name: string): Promise<void> {
    await this.table.getByRole('button', { name: `Revogar ${name}` }).click();
    await this.revokeDialog.getByRole('button', { name: 'Revogar chave' }).click();
  }
}
