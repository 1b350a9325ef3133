import type { Locator, Page } from '@playwright/test';

export class AccountPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly passwordCard: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly changePassword: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Minha conta' });
    this.passwordCard = page.getByRole('region', { name: 'Alterar senha' });
    this.currentPassword = this.passwordCard.getByLabel('Senha atual');
    this.newPassword = this.passwordCard.getByLabel('Nova senha');
    this.changePassword = this.passwordCard.getByRole('button', { name: 'Alterar senha' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/account');
  }
}
