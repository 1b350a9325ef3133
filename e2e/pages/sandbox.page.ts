import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/bots/:botId/sandbox: the chat simulator. */
export class SandboxPage {
  readonly page: Page;
  readonly form: Locator;
  readonly log: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByRole('form', { name: 'Escrever no simulador' });
    this.log = page.getByRole('log', { name: 'Conversa simulada' });
  }

  async goto(tenantId: string, botId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/bots/${botId}/sandbox`);
  }

  /** Writes as a contact; resolves once the exchange shows an outcome. */
  async asContact(phone: string, name: string, text: string): Promise<Locator> {
    await this.form.getByRole('radio', { name: 'Contato' }).check();
    await this.form.getByLabel('Número (com código do país)').fill(phone);
    await this.form.getByLabel('Nome (opcional)').fill(name);
    return this.send(text);
  }

  async asMember(group: string, opts: { phone: string; mention: boolean }, text: string): Promise<Locator> {
    await this.form.getByRole('radio', { name: 'Membro de grupo' }).check();
    await this.form.getByLabel('Número (com código do país)').fill(opts.phone);
    await this.form.getByLabel('ID do grupo').fill(group);
    await this.form.getByRole('checkbox', { name: 'Mencionar o bot (@)' }).setChecked(opts.mention);
    return this.send(text);
  }

  private async send(text: string): Promise<Locator> {
    const before = await this.log
      .getByRole('article')
      .count()
      .catch(() => 0);
    await this.form.getByLabel('Mensagem').fill(text);
    await this.form.getByRole('button', { name: 'Enviar' }).click();
    const exchange = this.page.getByRole('article', { name: `Mensagem ${before + 1}`, exact: true });
    await exchange.locator('.outcome').filter({ hasNotText: 'O bot está pensando' }).waitFor();
    return exchange;
  }

  outcome(exchange: Locator): Locator {
    return exchange.locator('.outcome');
  }

  replies(exchange: Locator): Locator {
    return exchange.locator('.bubble-bot');
  }
}
