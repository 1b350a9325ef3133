import type { Locator, Page } from '@playwright/test';

/** /staff/providers: the platform's pool of AI providers. */
export class StaffProvidersPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly add: Locator;
  readonly dialog: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Provedores de IA' });
    this.add = page.getByRole('button', { name: 'Adicionar provedor' });
    this.dialog = page.getByRole('dialog', { name: /^(Novo provedor|Editar provedor)$/ });
    this.table = page.getByRole('table', { name: 'Provedores de IA' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/staff/providers');
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  async create(p: { name: string; secret: string; baseUrl: string; priority: number }): Promise<void> {
    await this.add.click();
    await this.dialog.getByLabel('Nome').fill(p.name);
    await this.dialog.getByLabel('Chave de API ou token').fill(p.secret);
    await this.dialog.getByLabel('Endereço da API (opcional)').fill(p.baseUrl);
    await this.dialog.getByLabel('Prioridade').fill(String(p.priority));
    await this.dialog.getByRole('button', { name: 'Salvar' }).click();
  }

  async test(name: string): Promise<void> {
    await this.table.getByRole('button', { name: `Testar ${name}` }).click();
  }

  testResult(name: string): Locator {
    return this.page.getByRole('status').filter({ hasText: new RegExp(`^${name} (respondeu|falhou) em`) });
  }
}
