import type { Locator, Page } from '@playwright/test';

export class SignupPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** Shown once the account exists and the confirmation e-mail went out. */
  readonly checkEmailHeading: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Criar sua conta' });
    this.name = page.getByLabel('Nome', { exact: true });
    this.email = page.getByLabel('E-mail', { exact: true });
    this.password = page.getByLabel('Senha', { exact: true });
    this.submit = page.getByRole('button', { name: 'Criar conta', exact: true });
    this.checkEmailHeading = page.getByRole('heading', { level: 1, name: 'Confirme seu e-mail' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/signup');
  }

  async signUp(user: { name: string; email: string; password: string }): Promise<void> {
    await this.name.fill(user.name);
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.submit.click();
  }
}
