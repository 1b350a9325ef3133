import type { Locator, Page } from '@playwright/test';

/** /w/:id/costs: the month's AI spend, chart, breakdowns and recent calls. */
export class CostsPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly month: Locator;
  readonly spend: Locator;
  readonly empty: Locator;
  readonly noBudget: Locator;
  readonly budgetBar: Locator;
  readonly chart: Locator;
  readonly byModel: Locator;
  readonly usage: Locator;
  readonly budgetTab: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Custos de IA' });
    this.month = page.getByRole('combobox', { name: 'Mês' });
    this.spend = page.getByRole('region', { name: /^Gasto em / });
    this.empty = page.getByRole('status').filter({ hasText: /^Nenhum uso de IA em / });
    this.noBudget = this.spend.getByText('Nenhum orçamento mensal definido');
    this.budgetBar = this.spend.getByRole('progressbar', { name: 'Orçamento mensal usado' });
    this.chart = page.getByRole('figure', { name: /^Gráfico de custo por dia/ });
    this.byModel = page.getByRole('table', { name: 'Por modelo' });
    this.usage = page.getByRole('table', { name: 'Chamadas ao modelo' });
    this.budgetTab = page
      .getByRole('navigation', { name: 'Seções de custos' })
      .getByRole('link', { name: 'Orçamento e alertas' });
  }

  async goto(tenantId: string): Promise<void> {
    await this.page.goto(`/w/${tenantId}/costs`);
  }
}

/** /w/:id/costs/budget: budget settings, webhook secret, agent budgets, alerts. */
export class BudgetPage {
  readonly page: Page;
  readonly status: Locator;
  readonly budgetBar: Locator;
  readonly form: Locator;
  readonly monthlyLimit: Locator;
  readonly dailyCap: Locator;
  readonly downgradeBelow: Locator;
  readonly webhookUrl: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly thresholds: Locator;
  /** The webhook signing secret, shown once after the first webhook URL is saved. */
  readonly webhookSecret: Locator;
  readonly alerts: Locator;

  constructor(page: Page) {
    this.page = page;
    this.status = page.getByRole('region', { name: /^Situação de / });
    this.budgetBar = this.status.getByRole('progressbar', { name: 'Orçamento mensal usado' });
    this.form = page.getByRole('form', { name: 'Configurações de orçamento' });
    this.monthlyLimit = this.form.getByLabel('Orçamento mensal (USD)');
    this.dailyCap = this.form.getByLabel('Limite diário (USD)');
    this.downgradeBelow = this.form.getByLabel(/^Trocar de modelo abaixo de/);
    this.webhookUrl = this.form.getByLabel('Webhook de alertas (URL)');
    this.save = this.form.getByRole('button', { name: 'Salvar orçamento' });
    this.saved = this.form.getByRole('status').filter({ hasText: 'Orçamento salvo.' });
    this.thresholds = this.form.getByText(/^Alertas de orçamento são enviados uma vez por mês/);
    this.webhookSecret = page.getByLabel('Segredo de assinatura do webhook criado');
    this.alerts = page.getByRole('region', { name: 'Alertas' });
  }
}
