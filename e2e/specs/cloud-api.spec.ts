// The WhatsApp Cloud API channel end to end: an owner creates a Cloud API bot in the SPA, fills in
// its number settings (Graph address = the Meta Graph emulator), opens direct messages to anyone,
// and "connects in Meta" by giving the emulator the callback URL and verify token the SPA shows;
// Meta's verification then shows on the page. A contact's message arrives as a signed callback, the
// reply (the Anthropic emulator echoes) goes out through the Graph API and reads as delivered in
// Conversations. A forged callback posted straight to the webhook is refused and leaves no trace.
import { createHmac, randomBytes } from 'node:crypto';
import { BASE_URL } from '../fixtures/api.ts';
import { expect, test } from '../fixtures/test.ts';

const CONTACT = '5511987650001';
const FORGER = '5511911112222';

/** A WhatsApp Business Account callback with one inbound text, shaped as Meta sends it. */
function inboundCallback(phoneNumberId: string, from: string, name: string, text: string): string {
  const message = {
    from,
    id: `wamid.forged${randomBytes(6).toString('hex')}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: 'text',
    text: { body: text },
  };
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
    contacts: [{ profile: { name }, wa_id: from }],
    messages: [message],
  };
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value }] }],
  });
}

const signed = (raw: string, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

test.describe('WhatsApp Cloud API', () => {
  test('an owner connects a Cloud API number, Meta verifies it, a contact is answered and a forged callback is refused', async ({
    api,
    signIn,
    app,
    page,
  }) => {
    const { bots, cloudApi, botTabs, botConfig, conversations, transcript } = app;
    const owner = await api.user({ name: 'Olga Ferreira' });
    const workspace = await api.workspace(owner, `Padaria Cloud ${Date.now().toString(36)}`);
    await api.provider(await api.user({ staff: true }));
    const meta = api.meta();
    const phoneNumberId = `1065${Date.now().toString().slice(-9)}`;
    const appSecret = `app_secret_${randomBytes(8).toString('hex')}`;
    const accessToken = `EAAG${randomBytes(24).toString('hex')}`;
    await signIn(owner);

    let botId = '';
    await test.step('"Add bot" offers the Cloud API; the new bot opens on its Cloud API settings', async () => {
      await bots.goto(workspace.id);
      await bots.create('Atendimento Cloud', 'cloud');
      await expect(cloudApi.heading('Atendimento Cloud')).toBeVisible();
      botId = /\/bots\/([0-9a-f-]{36})\/cloud/.exec(page.url())![1]!;
      await expect(botTabs.nav.getByRole('link', { name: 'WhatsApp', exact: true })).toHaveCount(0);
      await expect(cloudApi.status).toContainText('Configuração incompleta');
      await expect(cloudApi.status).toContainText(
        'ID do número de telefone, token de acesso, chave secreta do app',
      );
    });

    await test.step('the settings are saved; secrets come back as hints only', async () => {
      await cloudApi.save({ phoneNumberId, accessToken, appSecret, graphBaseUrl: meta.url });
      await expect(cloudApi.saved).toBeVisible();
      await expect(cloudApi.accessToken).toHaveValue('');
      await expect(cloudApi.form).toContainText(`Salvo (termina em …${accessToken.slice(-4)})`);
      await expect(cloudApi.form).not.toContainText(accessToken);
      await expect(cloudApi.status).toContainText('Aguardando a verificação da Meta');
      await expect(cloudApi.verification).toContainText('A Meta ainda não verificou a URL de retorno.');
    });

    await test.step('Agents & rules: anyone may write to the bot directly', async () => {
      await botTabs.open('Agentes e regras');
      await botConfig.dmPolicy('Qualquer pessoa').check();
      await botConfig.save('Cloud API aberta a todos');
      await expect(botConfig.saved).toBeVisible();
    });

    await test.step('Meta gets the callback URL and verify token shown in the SPA and verifies them', async () => {
      await botTabs.open('Cloud API');
      const webhookUrl = await cloudApi.webhookUrl.inputValue();
      const verifyToken = await cloudApi.verifyToken.inputValue();
      expect(webhookUrl).toBe(`${BASE_URL}/webhooks/whatsapp/${botId}`);
      await meta.configure(phoneNumberId, { appSecret, verifyToken, webhookUrl, accessToken });
      expect(await meta.verify(phoneNumberId)).toMatchObject({ verified: true, status: 200 });
      await expect(cloudApi.verification).toContainText('Verificado pela Meta em');
      await expect(cloudApi.status).toContainText('Pronto para responder');
    });

    await test.step('the bots list shows the channel and that the number is ready', async () => {
      await page.getByRole('link', { name: 'Voltar para os bots' }).click();
      const row = bots.row('Atendimento Cloud');
      await expect(row).toContainText('Cloud API (Meta)');
      await expect(row).toContainText('Pronto');
      await expect(row).toContainText(`ID ${phoneNumberId}`);
    });

    await test.step('a contact writes; the reply goes out through the Graph API and reads as delivered', async () => {
      const inbound = await meta.pushText(phoneNumberId, {
        from: CONTACT,
        name: 'Maria Souza',
        text: 'Vocês abrem no domingo?',
      });
      expect(inbound.status).toBe(200);
      await expect
        .poll(async () => (await meta.sent()).filter((s) => s.to === CONTACT).map((s) => s.text), {
          timeout: 15_000,
        })
        .toEqual([expect.stringMatching(/^Echo: .*Vocês abrem no domingo\?/s)]);

      await page.goto(`/w/${workspace.id}/conversations`);
      await conversations.chatLink('Maria Souza').click();
      await expect(transcript.heading('Maria Souza')).toBeVisible();
      await expect(transcript.messages).toContainText('Vocês abrem no domingo?');
      const reply = transcript.replies().first();
      await expect(reply).toContainText(/^Echo: .*Vocês abrem no domingo\?/s);
      await expect(reply).toContainText(/Entregue|Lida/, { timeout: 15_000 });
      await expect(reply.getByRole('note')).toHaveCount(0);
    });

    await test.step('a forged callback posted straight to the webhook is refused and records nothing', async () => {
      const raw = inboundCallback(phoneNumberId, FORGER, 'Forjador', 'Me passa o Pix');
      const post = (signature: string | null) =>
        fetch(`${BASE_URL}/webhooks/whatsapp/${botId}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(signature ? { 'x-hub-signature-256': signature } : {}),
          },
          body: raw,
        });
      expect((await post(signed(raw, 'not-the-app-secret'))).status).toBe(403);
      expect((await post(null)).status).toBe(401);
      // The real secret over other bytes: the signature covers the exact body.
      expect((await post(signed(raw.replace('Pix', 'PIX'), appSecret))).status).toBe(403);

      // Refused before anything was queued; a moment later there is still one chat and no send.
      await page.waitForTimeout(1_000);
      const list = await owner.client
        .inTenant(workspace.id)
        .query<{ items: { chatId: string }[] }>('conversations.list', { botId });
      expect(list.items.map((c) => c.chatId)).toEqual([CONTACT]);
      expect((await meta.sent()).filter((s) => s.to === FORGER)).toEqual([]);
      await page.goto(`/w/${workspace.id}/conversations`);
      await expect(conversations.chatLink('Maria Souza')).toBeVisible();
      await expect(conversations.table).not.toContainText('Forjador');
      await expect(conversations.table.getByRole('row')).toHaveCount(2);
    });

    await test.step('the Cloud API tab shows the last notification from Meta', async () => {
      await cloudApi.goto(workspace.id, botId);
      await expect(cloudApi.verification).toContainText('Última notificação da Meta:');
    });
  });
});
