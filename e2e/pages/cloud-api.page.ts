import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/bots/:botId/cloud: a Cloud API bot's number settings and "Connect in Meta". */
export class CloudApiPage {
  readonly page: Page;
  readonly statusCard: Locator;
  /** The phase headline and what to do ("Pronto para responder", "Configuração incompleta" …). */
  readonly status: Locator;
  readonly tokenBanner: Locator;
  readonly form: Locator;
  readonly phoneNumberId: Locator;
  readonly wabaId: Locator;
  readonly accessToken: Locator;
  readonly appSecret: Locator;
  readonly advanced: Locator;
  readonly graphBaseUrl: Locator;
  readonly saveButton: Locator;
  readonly saved: Locator;
  readonly connectCard: Locator;
  readonly webhookUrl: Locator;
  readonly verifyToken: Locator;
  readonly verification: Locator;
  readonly rotateButton: Locator;
  readonly rotateDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.statusCard = page.getByRole('region', { name: 'Estado da Cloud API' });
    this.status = this.statusCard.getByRole('status');
    this.tokenBanner = page.getByRole('alert').filter({ hasText: 'A Meta recusou o token de acesso' });
    this.form = page.getByRole('form', { name: 'Configuração da Cloud API' });
    this.phoneNumberId = this.form.getByLabel('ID do número de telefone');
    this.wabaId = this.form.getByLabel('ID da conta do WhatsApp Business (opcional)');
    this.accessToken = this.form.getByLabel('Token de acesso');
    this.appSecret = this.form.getByLabel('Chave secreta do app');
    this.advanced = this.form.getByText('Avançado', { exact: true });
    this.graphBaseUrl = this.form.getByLabel('Endereço da Graph API');
    this.saveButton = this.form.getByRole('button', { name: 'Salvar configuração' });
    this.saved = this.form.getByRole('status').filter({ hasText: 'Configuração da Cloud API salva.' });
    this.connectCard = page.getByRole('region', { name: 'Conectar na Meta' });
    this.webhookUrl = this.connectCard.getByRole('textbox', { name: 'URL de retorno (Callback URL)' });
    this.verifyToken = this.connectCard.getByRole('textbox', { name: 'Token de verificação (Verify token)' });
    this.verification = this.connectCard.getByRole('list', { name: 'Verificação do webhook' });
    this.rotateButton = this.connectCard.getByRole('button', { name: 'Trocar o token de verificação' });
    this.rotateDialog = page.getByRole('dialog', { name: 'Trocar o token de verificação' });
  }

  heading(botName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Cloud API de ${botName}` });
  }

  async goto(tenantId: string, botId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/bots/${botId}/cloud`);
  }

  /** Fills the settings (the Graph address under "Avançado") and saves them. */
  async save(values: {
    phoneNumberId: string;
    accessToken?: string;
    appSecret?: string;
    graphBaseUrl?: string;
  }): Promise<void> {
    await this.phoneNumberId.fill(values.phoneNumberId);
    if (values.accessToken) await this.accessToken.fill(values.accessToken);
    if (values.appSecret) await this.appSecret.fill(values.appSecret);
    if (values.graphBaseUrl) {
      if (!(await this.graphBaseUrl.isVisible())) await this.advanced.click();
      await this.graphBaseUrl.fill(values.graphBaseUrl);
    }
    await this.saveButton.click();
  }
}
