import type { Locator, Page } from '@playwright/test';

/** /w/:tenantId/billing: the plan, usage, plans to pick, invoices. */
export class BillingPage {
  readonly page: Page;
  readonly currentPlan: Locator;
  readonly access: Locator;
  readonly period: Locator;
  readonly cancelButton: Locator;
  readonly cancelDialog: Locator;
  readonly invoices: Locator;
  readonly banner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.currentPlan = page.getByTestId('current-plan');
    this.access = page.getByTestId('access');
    this.period = page.getByTestId('period');
    this.cancelButton = page.getByRole('button', { name: 'Cancelar no fim do período' });
    this.cancelDialog = page.getByRole('dialog', { name: 'Cancelar o plano?' });
    this.invoices = page.getByRole('table', { name: 'Faturas' });
    this.banner = page.getByTestId('billing-banner');
  }

  goto(tenantId: string) {
    return this.page.goto(`/w/${tenantId}/billing`);
  }

  subscribe(plan: 'pro' | 'business' | 'enterprise') {
    return this.page.getByTestId(`subscribe-${plan}`).click();
  }

  meter(key: 'messages' | 'bots' | 'groups'): Locator {
    return this.page.getByTestId(`meter-${key}`);
  }

  async cancelAtPeriodEnd() {
    await this.cancelButton.click();
    await this.cancelDialog.getByRole('button', { name: 'Cancelar no fim do período' }).click();
  }
}

/** The Stripe emulator's hosted Checkout page. */
export class StripeCheckoutPage {
  readonly page: Page;
  readonly amount: Locator;
  readonly card: Locator;
  readonly pay: Locator;
  readonly fail: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.amount = page.getByTestId('amount');
    this.card = page.getByTestId('card');
    this.pay = page.getByTestId('pay');
    this.fail = page.getByTestId('fail');
    this.error = page.getByTestId('error');
  }
}

/** /w/:tenantId/billing/provisioning: the live steps after Checkout. */
export class ProvisioningPage {
  readonly page: Page;
  readonly openQr: Locator;

  constructor(page: Page) {
    this.page = page;
    this.openQr = page.getByTestId('open-qr');
  }

  step(step: 'payment' | 'host' | 'session' | 'qr' | 'connected'): Locator {
    return this.page.getByTestId(`provision-step-${step}`);
  }
}
