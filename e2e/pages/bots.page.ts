import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/bots: the workspace's bots, with add, rename and delete. */
export class BotsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly table: Locator;
  readonly addButton: Locator;
  readonly emptyState: Locator;
  readonly nameDialog: Locator;
  readonly nameField: Locator;
  readonly deleteDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Bots' });
    this.table = page.getByRole('table', { name: 'Bots do espaço' });
    this.addButton = page.getByRole('button', { name: 'Adicionar bot' });
    this.emptyState = page.getByRole('status').filter({ hasText: 'Você ainda não tem bots' });
    this.nameDialog = page.getByRole('dialog', { name: /^(Novo bot|Renomear bot)$/ });
    this.nameField = this.nameDialog.getByLabel('Nome do bot');
    this.deleteDialog = page.getByRole('dialog', { name: 'Excluir bot' });
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/bots`);
  }

  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: `WhatsApp de ${name}` }) });
  }

  whatsappLink(name: string): Locator {
    return this.table.getByRole('link', { name: `WhatsApp de ${name}`, exact: true });
  }

  /**
   * Opens the "new bot" dialog, names the bot and creates it (the app then opens its WhatsApp page,
   * or its Cloud API settings for a Cloud API bot).
   */
  async create(name: string, channel: 'web' | 'cloud' = 'web'): Promise<void> {
    await this.addButton.click();
    await this.nameField.fill(name);
    if (channel === 'cloud') await this.channel('cloud').check();
    await this.nameDialog.getByRole('button', { name: 'Criar bot' }).click();
  }

  /** The channel choice of the "new bot" dialog. */
  channel(channel: 'web' | 'cloud'): Locator {
    const name = channel === 'cloud' ? 'WhatsApp Business Cloud API (Meta)' : 'WhatsApp (ler um QR code)';
    // The radio's name is its label and description; the label alone is a unique part of it.
    return this.nameDialog.getByRole('radio', { name });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.table.getByRole('button', { name: `Renomear ${from}` }).click();
    await this.nameField.fill(to);
    await this.nameDialog.getByRole('button', { name: 'Salvar' }).click();
  }

  deleteButton(name: string): Locator {
    return this.table.getByRole('button', { name: `Excluir ${name}` });
  }
}
