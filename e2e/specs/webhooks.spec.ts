// Tenant webhooks in the SPA: an owner registers an endpoint (the secret is shown once), sends a test
// event that a local receiver verifies with that secret, reads the delivery with its payload and the
// receiver's answer, replays it, disables, rotates the secret and deletes the endpoint. A member
// without the permission is told why.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../fixtures/test.ts';
import { WebhooksPage } from '../pages/webhooks.page.ts';

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
}

async function startReceiver() {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/colmeia`;
  return { hits, url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** docs/webhooks.md's recipe. */
const signedWith = (secret: string, hit: Hit) =>
  hit.headers['colmeia-webhook-signature'] ===
  `v1=${createHmac('sha256', secret).update(`${hit.headers['colmeia-webhook-timestamp']}.${hit.body}`).digest('hex')}`;

test.describe('tenant webhooks', () => {
  test('an owner registers an endpoint, tests, inspects and replays a delivery, then rotates and deletes', async ({
    page,
    api,
    signIn,
    app,
  }) => {
    const receiver = await startReceiver();
    try {
      const owner = await api.user({ name: 'Olga Ferreira' });
      const workspace = await api.workspace(owner, 'Padaria Pão Quente');
      await signIn(owner);
      const hooks = new WebhooksPage(page);
      await hooks.goto(workspace.id);
      await expect(app.shell.navLink('Webhooks')).toHaveAttribute('aria-current', 'page');
      await expect(hooks.heading).toBeVisible();

      // Created for two event types; the secret is shown once.
      const secret = await hooks.create(receiver.url, 'Fluxo do n8n', [
        'Mensagem recebida',
        'Alerta de orçamento',
      ]);
      expect(secret).toMatch(/^whsec_/);
      const row = hooks.endpoints.getByRole('row').filter({ hasText: receiver.url });
      await expect(row).toContainText('Fluxo do n8n');
      await expect(row).toContainText('Mensagem recebida');
      await expect(row).toContainText(`…${secret.slice(-4)}`);
      await expect(page.getByText(secret)).toHaveCount(0);

      // A test event reaches the receiver, signed with that secret, and is logged as delivered.
      await hooks.action('Enviar um evento de teste para', receiver.url).click();
      await expect(page.getByText(/Evento de teste na fila/)).toBeVisible();
      const delivery = hooks.deliveries.getByRole('row').filter({ hasText: 'Evento de teste' });
      await expect(delivery).toContainText('Entregue');
      await expect(delivery).toContainText('200');
      expect(receiver.hits).toHaveLength(1);
      expect(signedWith(secret, receiver.hits[0]!)).toBe(true);
      const eventId = receiver.hits[0]!.headers['colmeia-webhook-id'];

      // Details: the body as sent and the start of the answer; replay sends the same event again.
      await delivery.getByRole('button', { name: /^Detalhes da entrega / }).click();
      await expect(hooks.detail).toContainText('"type": "webhook.test"');
      await expect(hooks.detail).toContainText(`"tenantId": "${workspace.id}"`);
      await expect(hooks.detail).toContainText('{"received":true}');
      await hooks.detail.getByRole('button', { name: 'Reenviar' }).click();
      await expect(hooks.detail.getByText('Reenvio na fila.')).toBeVisible();
      await expect.poll(() => receiver.hits.length).toBe(2);
      expect(receiver.hits[1]!.headers['colmeia-webhook-id']).toBe(eventId);
      await expect(hooks.detail.getByRole('definition').filter({ hasText: /^2$/ })).toBeVisible();
      await hooks.detail.getByRole('button', { name: 'Fechar' }).click();

      // Disabled, it cannot be tested; rotating shows a new secret once, which signs from then on.
      await hooks.action('Desativar o webhook', receiver.url).click();
      await expect(row).toContainText('Desativado');
      await expect(hooks.action('Enviar um evento de teste para', receiver.url)).toBeDisabled();
      await hooks.action('Ativar o webhook', receiver.url).click();
      await hooks.action('Trocar o segredo do webhook', receiver.url).click();
      await hooks.confirmRotate.getByRole('button', { name: 'Trocar segredo' }).click();
      const rotated = await hooks.secret.inputValue();
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      await hooks.secretDone.click();
      await hooks.action('Enviar um evento de teste para', receiver.url).click();
      await expect.poll(() => receiver.hits.length).toBe(3);
      expect(signedWith(rotated, receiver.hits[2]!)).toBe(true);

      await hooks.action('Excluir o webhook', receiver.url).click();
      await hooks.confirmDelete.getByRole('button', { name: 'Excluir' }).click();
      await expect(page.getByText('Nenhum webhook ainda')).toBeVisible();
      await expect(page.getByText('Nenhuma entrega ainda')).toBeVisible();
    } finally {
      await receiver.close();
    }
  });

  test('a member without the permission is told why and cannot add an endpoint', async ({
    api,
    signIn,
    page,
    app,
  }) => {
    const owner = await api.user();
    const member = await api.user({ name: 'Marcos Lima' });
    const workspace = await api.workspace(owner, 'Mercadinho');
    await api.join(owner, workspace, member, 'member');
    await signIn(member);
    const hooks = new WebhooksPage(page);
    await hooks.goto(workspace.id);
    await expect(hooks.noPermission).toBeVisible();
    await expect(hooks.add).toBeDisabled();
    await expect(app.shell.navLink('Webhooks')).toHaveCount(0);
  });
});
