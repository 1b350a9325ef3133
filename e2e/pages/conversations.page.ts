import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/conversations: every chat, with filters, search and CSV export. */
export class ConversationsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly filters: Locator;
  readonly search: Locator;
  readonly table: Locator;
  readonly exportButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Conversas' });
    this.filters = page.getByRole('form', { name: 'Filtros' });
    this.search = this.filters.getByLabel('Buscar por nome, número ou texto');
    this.table = page.getByRole('table', { name: 'Conversas' });
    this.exportButton = page.getByRole('button', { name: 'Exportar CSV' });
  }

  async find(text: string): Promise<void> {
    await this.search.fill(text);
    await this.filters.getByRole('button', { name: 'Filtrar' }).click();
  }

  chatLink(title: string): Locator {
    return this.table.getByRole('link', { name: `Abrir a conversa ${title}` });
  }
}

/** /w/:tenantId/conversations/:id: one chat's transcript with takeover and feedback. */
export class TranscriptPage {
  readonly page: Page;
  readonly messages: Locator;
  readonly pauseSwitch: Locator;
  readonly takeover: Locator;

  constructor(page: Page) {
    this.page = page;
    this.messages = page.getByRole('list', { name: 'Mensagens' });
    this.takeover = page.getByRole('region', { name: 'Atendimento humano' });
    this.pauseSwitch = this.takeover.getByRole('checkbox', { name: 'Pausar o bot nesta conversa' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  replies(): Locator {
    return this.messages.getByRole('listitem', { name: 'Resposta do bot' });
  }
}
