// Linking a bot's WhatsApp number end to end: the SPA, the server, a real bot host with Chromium on
// the WhatsApp Web emulator, and the emulator's demo phone scanning the QR or typing the code.
import type { SeededUser, SeededWorkspace, TestApi } from '../fixtures/api.ts';
import { expect, test } from '../fixtures/test.ts';

const CONNECTED = /^Conectado como \+55 11 9\d{4}-\d{4} \(/;

interface LinkStatus {
  state: string;
  hostId: string | null;
  number: string | null;
}

async function seedOwner(api: TestApi): Promise<{ owner: SeededUser; workspace: SeededWorkspace }> {
  const owner = await api.user({ name: 'Olga Ferreira' });
  const workspace = await api.workspace(owner, `Padaria Zap ${Date.now().toString(36)}`);
  return { owner, workspace };
}

async function createBot(owner: SeededUser, workspace: SeededWorkspace, name: string): Promise<string> {
  const bot = await owner.client.inTenant(workspace.id).mutate<{ id: string }>('bots.create', { name });
  return bot.id;
}

/** Links a bot through the API (start, demo phone scans the QR) and waits until it is ready. */
async function linkThroughApi(
  owner: SeededUser,
  workspace: SeededWorkspace,
  botId: string,
): Promise<LinkStatus> {
  const api = owner.client.inTenant(workspace.id);
  const status = () => api.query<LinkStatus>('whatsapp.status', { botId });
  await api.mutate('whatsapp.start', { botId });
  await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('qr');
  await api.mutate('whatsapp.demoPhone', { botId, action: 'scan' });
  await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('ready');
  return status();
}

test.describe('WhatsApp link', () => {
  // Each test starts real Chromium sessions on the bot host.
  test.describe.configure({ timeout: 120_000 });

  test('an owner creates a bot, links it with the QR on the demo phone, restarts and unlinks it', async ({
    api,
    signIn,
    app,
  }) => {
    const { owner, workspace } = await seedOwner(api);
    const { bots, whatsapp } = app;
    await signIn(owner);

    await test.step('an empty list explains bots; creating one opens its WhatsApp page', async () => {
      await bots.goto(workspace.id);
      await expect(bots.emptyState).toContainText('assistente de IA com um número de WhatsApp');
      await bots.create('Atendimento');
      await expect(whatsapp.heading('Atendimento')).toBeVisible();
      await expect(whatsapp.state).toHaveText(/^Não conectado/);
      await expect(whatsapp.demoPhone).toBeVisible();
    });

    await test.step('"link with QR code" shows the QR with a countdown', async () => {
      await whatsapp.linkWithQr.click();
      await expect(whatsapp.qrImage).toBeVisible({ timeout: 30_000 });
      await expect(whatsapp.qrImage).toHaveAttribute('src', /^data:image\/png;base64,/);
      await expect(whatsapp.qrTimer).toHaveText(/^(Novo código em \d+ s|Gerando um novo código…)$/);
      await expect(whatsapp.state).toHaveText('Leia o código com o seu celular');
    });

    await test.step('the demo phone scans it and the page says who is connected', async () => {
      await whatsapp.demoScan.click();
      await expect(whatsapp.state).toHaveText(CONNECTED, { timeout: 30_000 });
      await expect(whatsapp.state).toContainText(`(${workspace.name})`);
      await expect(whatsapp.qrImage).toBeHidden();
    });

    await test.step('the bots list shows it connected with its number', async () => {
      await app.page.getByRole('link', { name: 'Voltar para os bots' }).click();
      const row = bots.row('Atendimento');
      await expect(row).toContainText('Conectado');
      await expect(row).toContainText(/\+55 11 9\d{4}-\d{4}/);
      await bots.whatsappLink('Atendimento').click();
      await expect(whatsapp.state).toHaveText(CONNECTED);
    });

    await test.step('restart drops the connection and comes back linked, without a new QR', async () => {
      await whatsapp.restartButton.click();
      await expect(whatsapp.state).not.toHaveText(CONNECTED);
      await expect(whatsapp.state).toHaveText(CONNECTED, { timeout: 45_000 });
    });

    await test.step('unlink asks first, then leaves the bot not linked', async () => {
      await whatsapp.unlink();
      await expect(whatsapp.state).toHaveText(/^Não conectado/, { timeout: 30_000 });
      await expect(whatsapp.linkWithQr).toBeVisible();
      await expect(whatsapp.unlinkButton).toBeHidden();
    });
  });

  test('linking with a pairing code typed on the demo phone', async ({ api, signIn, app }) => {
    const { owner, workspace } = await seedOwner(api);
    const botId = await createBot(owner, workspace, 'Vendas');
    const { whatsapp } = app;
    await signIn(owner);
    await whatsapp.goto(workspace.id, botId);

    await whatsapp.requestPairingCode('+55 (11) 98765-4321');
    await expect(whatsapp.pairingCode).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/, { timeout: 30_000 });
    await expect(whatsapp.statusCard).toContainText('Código para +55 11 98765-4321');
    await expect(whatsapp.state).toHaveText('Digite o código no seu celular');
    await expect(whatsapp.qrImage).toBeHidden();

    await whatsapp.demoTypeCode.click();
    await expect(whatsapp.state).toHaveText(`Conectado como +55 11 98765-4321 (${workspace.name})`, {
      timeout: 30_000,
    });
  });

  test('staff sees the host healthy with its sessions and restarts one', async ({ api, signIn, app }) => {
    const { owner, workspace } = await seedOwner(api);
    const botId = await createBot(owner, workspace, 'Recepção');
    const { hostId } = await linkThroughApi(owner, workspace, botId);
    const staff = await api.user({ name: 'Sofia Suporte', staff: true });
    await signIn(staff);

    await app.staffHosts.goto();
    await expect(app.staffHosts.heading).toBeVisible();
    const host = app.staffHosts.row(hostId!);
    await expect(host).toContainText('Saudável');
    await expect(host).toContainText(/[1-9]\d* de \d+/);

    await app.staffHosts.hostLink(hostId!).click();
    await expect(app.staffHost.heading(hostId!)).toBeVisible();
    const session = app.staffHost.session('Recepção');
    await expect(session).toContainText(workspace.name);
    await expect(session).toContainText('Conectado');

    await app.staffHost.restart('Recepção');
    await expect(app.staffHost.restarted).toContainText('Reinício pedido para Recepção.');
    await expect(session).not.toContainText('Conectado');
    await expect(session).toContainText('Conectado', { timeout: 45_000 });
  });
});
