import type { Locator, Page } from '@playwright/test';

/** /staff/tenants: every workspace, searchable. */
export class StaffTenantsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly search: Locator;
  readonly searchButton: Locator;
  readonly table: Locator;
  /** The page's error state (e.g. the server refusing someone who is not acting as staff). */
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Clientes' });
    this.search = page.getByRole('searchbox', { name: 'Buscar espaços' });
    this.searchButton = page.getByRole('search').getByRole('button', { name: 'Buscar' });
    this.table = page.getByRole('table', { name: 'Espaços' });
    this.error = page.getByRole('main').getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/staff/tenants');
  }

  async searchFor(term: string): Promise<void> {
    await this.search.fill(term);
    await this.searchButton.click();
  }

  tenantLink(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true });
  }
}
