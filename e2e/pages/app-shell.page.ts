import type { Locator, Page } from '@playwright/test';

/** The signed-in frame around every page: navigation, language, account menu, impersonation banner. */
export class AppShell {
  readonly page: Page;
  readonly mainNav: Locator;
  readonly staffNav: Locator;
  readonly language: Locator;
  readonly accountMenu: Locator;
  readonly myAccountLink: Locator;
  readonly banner: ImpersonationBanner;

  constructor(page: Page) {
    this.page = page;
    this.mainNav = page.getByRole('navigation', { name: /^(Principal|Main)$/ });
    this.staffNav = page.getByRole('navigation', { name: 'Staff' });
    this.language = page.getByRole('combobox', { name: /^(Idioma|Language)$/ });
    this.accountMenu = page.getByRole('group', { name: /^(Conta|Account)$/ });
    this.myAccountLink = this.accountMenu.getByRole('link', { name: /^(Minha conta|My account)$/ });
    this.banner = new ImpersonationBanner(page);
  }

  navLink(name: string): Locator {
    return this.mainNav.getByRole('link', { name, exact: true });
  }

  async chooseLanguage(label: 'English' | 'Português (Brasil)'): Promise<void> {
    await this.language.selectOption({ label });
  }
}

/** The red bar shown while a staff member acts as a tenant user. */
export class ImpersonationBanner {
  readonly region: Locator;
  readonly timer: Locator;
  readonly exitButton: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Personificação' });
    this.timer = this.region.getByRole('timer', { name: 'Tempo restante' });
    this.exitButton = this.region.getByRole('button', { name: 'Encerrar' });
  }
}
