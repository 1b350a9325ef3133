// Billing as a tenant lives it: buying Pro on Stripe's (emulated) Checkout, watching the bot get
// provisioned and linking it; a failed payment walking down grace → read-only → paused; cancelling
// at the period end; and Stripe's repeated, reordered and forged webhooks changing nothing twice.
import type { SeededUser, SeededWorkspace, TestApi } from '../fixtures/api.ts';
import { expect, test } from '../fixtures/test.ts';

const DAY_MS = 86_400_000;
const CONNECTED = /^Conectado como \+55 11 9\d{4}-\d{4} \(/;

type View = { plan: { id: string }; access: string; cancelAtPeriodEnd: boolean };

async function starterOwner(api: TestApi): Promise<{ owner: SeededUser; workspace: SeededWorkspace }> {
  const owner = await api.user({ name: 'Olga Ferreira' });
  const workspace = await api.workspace(owner, `Padaria ${Date.now().toString(36)}`, null);
  return { owner, workspace };
}

/** Buys a plan through the API and pays on the emulator (for specs about what comes after). */
async function buyThroughApi(api: TestApi, owner: SeededUser, workspace: SeededWorkspace, plan: string) {
  const client = owner.client.inTenant(workspace.id);
  const { url } = await client.mutate<{ url: string }>('billing.checkout', { plan });
  const paid = await api.stripe().pay(url);
  await expect.poll(async () => (await client.query<View>('billing.subscription')).plan.id).toBe(plan);
  return paid.subscription;
}

test.describe('billing', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a new tenant picks Pro, pays, watches provisioning and links the number', async ({
    api,
    signIn,
    app,
  }) => {
    const { owner, workspace } = await starterOwner(api);
    const { billing, stripeCheckout, provisioning, whatsapp } = app;
    await signIn(owner);

    await test.step('the Billing page shows Starter, its meters and the plans', async () => {
      await billing.goto(workspace.id);
      await expect(billing.currentPlan).toContainText('Starter');
      await expect(billing.meter('messages')).toContainText('0 de 500');
      await expect(app.page.getByTestId('plan-pro')).toContainText('R$ 197,00/mês');
    });

    await test.step('Subscribe leads to Checkout; a declined card shows the error and changes nothing', async () => {
      await billing.subscribe('pro');
      await expect(stripeCheckout.amount).toContainText('R$');
      await stripeCheckout.fail.click();
      await expect(stripeCheckout.error).toHaveText('Your card was declined.');
      const view = await owner.client.inTenant(workspace.id).query<View>('billing.subscription');
      expect(view.plan.id).toBe('starter');
    });

    await test.step('paying returns to the provisioning steps, which reach the QR', async () => {
      await stripeCheckout.pay.click();
      await expect(app.page).toHaveURL(/\/billing\/provisioning\?session_id=cs_test_/);
      await expect(provisioning.step('payment')).toHaveAttribute('data-state', 'done');
      await expect(provisioning.step('qr')).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
      await expect(provisioning.step('connected')).toHaveAttribute('data-state', 'current');
    });

    await test.step('the QR page links the number with the demo phone, and provisioning says connected', async () => {
      await provisioning.openQr.click();
      await expect(whatsapp.qrImage).toBeVisible({ timeout: 30_000 });
      await whatsapp.demoScan.click();
      await expect(whatsapp.state).toHaveText(CONNECTED, { timeout: 30_000 });
      await app.page.goto(`/w/${workspace.id}/billing/provisioning`);
      await expect(provisioning.step('connected')).toHaveAttribute('data-state', 'done');
    });

    await test.step('Billing shows Pro, active, renewing, with the paid invoice', async () => {
      await billing.goto(workspace.id);
      await expect(billing.currentPlan).toContainText('Pro');
      await expect(billing.access).toHaveText('Ativo');
      await expect(billing.period).toContainText('Renova em');
      await expect(billing.invoices).toContainText('R$ 197,00');
      await expect(billing.invoices).toContainText('Paga');
    });
  });

  test('a failed payment: banner in grace, then read-only, then bots paused', async ({
    api,
    signIn,
    app,
  }) => {
    const { owner, workspace } = await starterOwner(api);
    const subscription = await buyThroughApi(api, owner, workspace, 'pro');
    await api.stripe().failInvoice(subscription);
    const client = owner.client.inTenant(workspace.id);
    await expect.poll(async () => (await client.query<View>('billing.subscription')).access).toBe('past_due');
    await signIn(owner);

    await app.page.goto(`/w/${workspace.id}/overview`);
    await expect(app.billing.banner).toHaveAttribute('data-access', 'past_due');
    await expect(app.billing.banner).toContainText('O pagamento falhou');

    await api.advanceClock(8 * DAY_MS);
    await app.page.reload();
    await expect(app.billing.banner).toHaveAttribute('data-access', 'read_only');
    const refused = await client.raw('mutation', 'bots.create', { name: 'Outro' });
    expect(refused.body).toMatchObject({ error: { data: { reason: 'billing.read_only' } } });

    await api.advanceClock(7 * DAY_MS);
    await app.page.reload();
    await expect(app.billing.banner).toHaveAttribute('data-access', 'paused');
    await expect(app.billing.banner).toContainText('Os bots estão pausados');
  });

  test('cancel at the period end: active until then, deprovisioned after', async ({ api, signIn, app }) => {
    const { owner, workspace } = await starterOwner(api);
    await buyThroughApi(api, owner, workspace, 'pro');
    await signIn(owner);
    await app.billing.goto(workspace.id);
    await app.billing.cancelAtPeriodEnd();
    await expect(app.billing.period).toContainText('Termina em');
    await expect(app.billing.access).toHaveText('Ativo');

    await api.stripe().advance(31 * 86_400);
    const client = owner.client.inTenant(workspace.id);
    await expect.poll(async () => (await client.query<View>('billing.subscription')).access).toBe('canceled');
    await app.page.reload();
    await expect(app.billing.currentPlan).toContainText('Starter');
    await expect(app.billing.banner).toHaveAttribute('data-access', 'ended');
  });

  test('repeated and reordered webhooks apply once; a forged one is refused', async ({ api }) => {
    const { owner, workspace } = await starterOwner(api);
    const stripe = api.stripe();
    await stripe.hold();
    const client = owner.client.inTenant(workspace.id);
    const { url } = await client.mutate<{ url: string }>('billing.checkout', { plan: 'business' });
    await stripe.pay(url);
    expect((await stripe.release('reverse')).released).toBeGreaterThanOrEqual(4);
    await expect
      .poll(async () => (await client.query<View>('billing.subscription')).plan.id)
      .toBe('business');
    const provisioned = async () =>
      (await client.query<{ items: { action: string }[] }>('audit.list', { limit: 100 })).items.filter(
        (e) => e.action === 'billing.provisioned',
      ).length;
    await expect.poll(provisioned).toBe(1);

    const mine = (await stripe.events()).filter((e) => e.type === 'checkout.session.completed').at(-1)!;
    await stripe.resend(mine.id);
    await stripe.resend(mine.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(await provisioned()).toBe(1);
    expect(await client.query<unknown[]>('bots.list')).toHaveLength(1);

    const forged = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'customer.subscription.deleted',
      data: { object: {} },
    });
    const res = await fetch(`${test.info().project.use.baseURL}/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      },
      body: forged,
    });
    expect(res.status).toBe(400);
    expect((await client.query<View>('billing.subscription')).access).toBe('active');
  });
});
