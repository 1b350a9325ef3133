import type { Locator, Page } from '@playwright/test';

export class AcceptInvitationPage {
  readonly page: Page;
  readonly heading: Locator;
  readonly accept: Locator;
  readonly decline: Locator;
  /** Shown to a logged-out visitor. */
  readonly loginToAccept: Locator;

  constructor(page: Page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Convite para a Colmeia' });
    this.accept = page.getByRole('button', { name: 'Aceitar convite' });
    this.decline = page.getByRole('button', { name: 'Recusar' });
    this.loginToAccept = page.getByRole('link', { name: 'Entrar para aceitar' });
  }

  /** Opens the link from the invitation e-mail. */
  async open(link: string): Promise<void> {
    const url = new URL(link);
    await this.page.goto(url.pathname + url.search);
  }

  invitedTo(workspace: string): Locator {
    return this.page.getByText(`Você foi convidado para o espaço ${workspace}.`);
  }
}
