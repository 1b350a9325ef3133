import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/bots/:botId/whatsapp: one bot's WhatsApp link, live. */
export class WhatsAppPage {
  readonly page: Page;
  readonly statusCard: Locator;
  /** The plain-language state ("Preparando o WhatsApp…", "Conectado como +55 …"). */
  readonly state: Locator;
  readonly linkWithQr: Locator;
  readonly linkWithPhone: Locator;
  readonly restartButton: Locator;
  readonly unlinkButton: Locator;
  readonly unlinkDialog: Locator;
  readonly qrImage: Locator;
  readonly qrTimer: Locator;
  readonly pairingForm: Locator;
  readonly pairingPhone: Locator;
  readonly pairingCode: Locator;
  readonly demoPhone: Locator;
  readonly demoScan: Locator;
  readonly demoTypeCode: Locator;

  constructor(page: Page) {
    this.page = page;
    this.statusCard = page.getByRole('region', { name: 'Conexão com o WhatsApp' });
    this.state = this.statusCard.locator('.link-state');
    this.linkWithQr = this.statusCard.getByRole('button', { name: 'Conectar com QR code' });
    this.linkWithPhone = this.statusCard.getByRole('button', { name: 'Conectar com número de telefone' });
    this.restartButton = this.statusCard.getByRole('button', { name: 'Reiniciar' });
    this.unlinkButton = this.statusCard.getByRole('button', { name: 'Desconectar' });
    this.unlinkDialog = page.getByRole('dialog', { name: 'Desconectar o WhatsApp' });
    this.qrImage = this.statusCard.getByRole('img', { name: 'QR code para conectar o WhatsApp' });
    this.qrTimer = this.statusCard.getByRole('timer', { name: 'Tempo até o código mudar' });
    this.pairingForm = this.statusCard.getByRole('form', { name: 'Conectar com número de telefone' });
    this.pairingPhone = this.pairingForm.getByLabel('Número do WhatsApp (com código do país)');
    this.pairingCode = this.statusCard.getByRole('status', { name: 'Código de pareamento' });
    this.demoPhone = page.getByRole('region', { name: 'Celular de demonstração' });
    this.demoScan = this.demoPhone.getByRole('button', { name: 'Ler com o celular de demonstração' });
    this.demoTypeCode = this.demoPhone.getByRole('button', {
      name: 'Digitar o código no celular de demonstração',
    });
  }

  heading(botName: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `WhatsApp de ${botName}` });
  }

  async goto(tenantId: string, botId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/bots/${botId}/whatsapp`);
  }

  async requestPairingCode(phone: string): Promise<void> {
    await this.linkWithPhone.click();
    await this.pairingPhone.fill(phone);
    await this.pairingForm.getByRole('button', { name: 'Receber código' }).click();
  }

  async unlink(): Promise<void> {
    await this.unlinkButton.click();
    await this.unlinkDialog.getByRole('button', { name: 'Desconectar' }).click();
  }
}
