import type { Locator, Page } from '@playwright/test';

/** /w/:id/webhooks: endpoints (create, edit, test, rotate, delete), the delivery log and its details. */
export class WebhooksPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly add: Locator;
  readonly formDialog: Locator;
  readonly url: Locator;
  readonly description: Locator;
  readonly allEvents: Locator;
  readonly submit: Locator;
  readonly secretDialog: Locator;
  readonly secret: Locator;
  readonly secretDone: Locator;
  readonly endpoints: Locator;
  readonly deliveries: Locator;
  readonly detail: Locator;
  readonly confirmRotate: Locator;
  readonly confirmDelete: Locator;
  readonly noPermission: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Webhooks' });
    this.add = page.getByRole('button', { name: 'Novo webhook' });
    this.formDialog = page.getByRole('dialog', { name: /^(Novo webhook|Editar webhook)$/ });
    this.url = this.formDialog.getByLabel('URL do endpoint');
    this.description = this.formDialog.getByLabel('Descrição (opcional)');
    this.allEvents = this.formDialog.getByRole('checkbox', { name: /^Todos os eventos/ });
    this.submit = this.formDialog.getByRole('button', { name: /^(Criar webhook|Salvar alterações)$/ });
    this.secretDialog = page.getByRole('dialog', { name: 'Segredo de assinatura' });
    this.secret = this.secretDialog.getByLabel('Segredo do webhook');
    this.secretDone = this.secretDialog.getByRole('button', { name: 'Já guardei o segredo' });
    this.endpoints = page.getByRole('table', { name: 'Webhooks cadastrados' });
    this.deliveries = page.getByRole('table', { name: 'Entregas de webhooks' });
    this.detail = page.getByRole('dialog', { name: /^Entrega de / });
    this.confirmRotate = page.getByRole('dialog', { name: /^Trocar o segredo de / });
    this.confirmDelete = page.getByRole('dialog', { name: /^Excluir o webhook / });
    this.noPermission = page.getByText(/não permite gerenciar webhooks/);
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/webhooks`);
  }

  event(name: string): Locator {
    return this.formDialog.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  }

  action(name: string, url: string): Locator {
    return this.endpoints.getByRole('button', { name: `${name} ${url}` });
  }

  /** Creates an endpoint for some event types and returns the secret from the one-time dialog. */
  async create(url: string, description: string, events: string[]): Promise<string> {
    await this.add.click();
    await this.url.fill(url);
    await this.description.fill(description);
    await this.allEvents.uncheck();
    for (const name of events) await this.event(name).check();
    await this.submit.click();
    const secret = await this.secret.inputValue();
    await this.secretDone.click();
    return secret;
  }
}
