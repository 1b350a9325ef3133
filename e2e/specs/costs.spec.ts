// AI costs through the LLM gateway: an owner reads an empty month, sets a budget, creates an API key
// (seen once), calls a model with it (the Anthropic emulator answers) and sees the spend, then
// revokes the key; staff add a provider pointing at the emulator and test it.
import { anthropicUrl } from '../fixtures/api.ts';
import { expect, test } from '../fixtures/test.ts';

const currentMonth = () =>
  new Intl.DateTimeFormat('pt-BR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date());

test.describe('AI costs, budget and API keys', () => {
  test('an owner sets a budget, creates a key shown once, sees its calls in the costs and revokes it', async ({
    page,
    api,
    signIn,
    app,
  }) => {
    const owner = await api.user({ name: 'Olga Ferreira' });
    const workspace = await api.workspace(owner, 'Padaria Pão Quente');
    // The gateway needs a provider in the platform pool to answer.
    await api.provider(await api.user({ staff: true }));
    await signIn(owner);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

    // An empty month reads as such, and says there is no budget yet.
    await app.costs.goto(workspace.id);
    await expect(app.costs.heading).toBeVisible();
    await expect(app.costs.month).toHaveValue(new Date().toISOString().slice(0, 7));
    await expect(app.costs.empty).toContainText(`Nenhum uso de IA em ${currentMonth()}`);
    await expect(app.costs.empty).toContainText('o custo aparece aqui por dia, modelo e agente');
    await expect(app.costs.noBudget).toBeVisible();
    await expect(app.costs.spend.locator('.stat')).toHaveText(/^US\$\s0,00$/);

    // Budget: a typo is refused on its field; then the budget, daily cap and downgrade threshold.
    await app.costs.budgetTab.click();
    await expect(app.budget.thresholds).toContainText('20%, 10%, 5% e 1%');
    await app.budget.monthlyLimit.fill('50 dólares');
    await app.budget.save.click();
    await expect(app.budget.monthlyLimit).toHaveAccessibleDescription('Informe um número, como 12,50');
    await app.budget.monthlyLimit.fill('50');
    await app.budget.dailyCap.fill('5,50');
    await app.budget.downgradeBelow.fill('20');
    await app.budget.webhookUrl.fill('https://hooks.padaria.test/colmeia');
    await app.budget.save.click();
    await expect(app.budget.saved).toBeVisible();
    await expect(app.budget.webhookSecret).toHaveValue(/^whsec_/);
    await expect(app.budget.budgetBar).toHaveAttribute('aria-valuetext', /^US\$\s0,00 de US\$\s50,00/);
    await expect(app.budget.alerts).toContainText('Nenhum alerta');
    await page.reload();
    await expect(app.budget.dailyCap).toHaveValue('5,5');
    await expect(app.budget.webhookSecret).toBeHidden();

    // A key is shown whole exactly once, with a warning and a working copy button.
    await app.shell.navLink('Chaves de API').click();
    await expect(app.apiKeys.heading).toBeVisible();
    const secret = await app.apiKeys.createKey('Integração CRM');
    expect(secret).toMatch(/^clm_live_/);
    await expect(app.apiKeys.secretWarning).toBeVisible();
    await app.apiKeys.copy.click();
    await expect(app.apiKeys.copied).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await app.apiKeys.done.click();
    await expect(app.apiKeys.createdDialog).toBeHidden();
    const row = app.apiKeys.row('Integração CRM');
    await expect(row).toContainText(`${secret.slice(0, 13)}…${secret.slice(-4)}`);
    await expect(row).toContainText('Ativa');
    expect(await page.content()).not.toContain(secret);

    // Calls made with the key show up in the costs: total, chart, per model and call by call.
    for (const text of ['Bom dia!', 'Vocês abrem no domingo?']) {
      expect((await api.callModel(secret, text)).status).toBe(200);
    }
    await expect(async () => {
      await app.costs.goto(workspace.id);
      await expect(app.costs.spend).toContainText('2 chamadas', { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    await expect(app.costs.spend.locator('.stat')).toHaveText(/^US\$\s0,0+[1-9]/);
    await expect(app.costs.budgetBar).toHaveAttribute('aria-valuetext', /de US\$\s50,00/);
    await expect(app.costs.chart).toBeVisible();
    await expect(app.costs.byModel.getByRole('row').filter({ hasText: 'claude-sonnet-4-6' })).toBeVisible();
    await expect(app.costs.usage.getByRole('row').filter({ hasText: 'Concluída' })).toHaveCount(2);

    // Revoked: the list says so and the key stops working at once.
    await app.apiKeys.goto(workspace.id);
    await app.apiKeys.revoke('Integração CRM');
    await expect(app.apiKeys.revokeDialog).toBeHidden();
    await expect(row).toContainText('Revogada em');
    await expect(row.getByRole('button', { name: 'Revogar Integração CRM' })).toHaveCount(0);
    const refused = await api.callModel(secret);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.type).toBe('authentication_error');
  });

  test('staff add a provider pointing at the emulator, see only its hint and test it', async ({
    api,
    signIn,
    app,
  }) => {
    const staff = await api.user({ staff: true });
    await signIn(staff);
    await app.page.goto('/staff/tenants');
    await app.shell.staffNav.getByRole('link', { name: 'Provedores de IA' }).click();
    await expect(app.staffProviders.heading).toBeVisible();

    const name = `Conta reserva ${Date.now().toString(36)}`;
    const secret = 'sk-ant-e2e-reserva-9f3k';
    await app.staffProviders.create({ name, secret, baseUrl: anthropicUrl(), priority: 7 });
    await expect(app.staffProviders.dialog).toBeHidden();
    const row = app.staffProviders.row(name);
    await expect(row).toContainText('…9f3k');
    await expect(row).toContainText('Saudável');
    expect(await app.page.content()).not.toContain(secret);

    await app.staffProviders.test(name);
    await expect(app.staffProviders.testResult(name)).toContainText(`${name} respondeu em`);
  });
});
