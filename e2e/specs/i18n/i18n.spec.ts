import { expect, test } from '../../fixtures/test.ts';

/** What the page's own Intl makes of a <time>'s date for a language (the SPA must agree). */
function intlDate([lang, iso, options]: readonly [string, string, Intl.DateTimeFormatOptions]): string {
  return new Intl.DateTimeFormat(lang, options).format(new Date(iso));
}

test.describe('language', () => {
  test('switching to English translates the navigation and formats dates with Intl, and sticks after reload', async ({
    page,
    api,
    signIn,
    shell,
    overviewPage,
  }) => {
    const owner = await api.user({ name: 'Helena Duarte' });
    const workspace = await api.workspace(owner, 'Sorveteria Gelato');
    await signIn(owner);
    await overviewPage.goto(workspace.id);
    await expect(overviewPage.heading).toHaveText(workspace.name);

    const created = overviewPage.createdAt;
    const iso = (await created.getAttribute('datetime'))!;
    const medium: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
    await expect(shell.navLink('Visão geral')).toBeVisible();
    await expect(shell.navLink('Equipe')).toBeVisible();
    await expect(created).toHaveText(await page.evaluate(intlDate, ['pt-BR', iso, medium] as const));

    await shell.chooseLanguage('English');

    for (const label of ['Overview', 'Team', 'Audit', 'Settings'])
      await expect(shell.navLink(label)).toBeVisible();
    await expect(shell.navLink('Visão geral')).toBeHidden();
    await expect(shell.myAccountLink).toHaveText('My account');
    await expect(page.getByRole('region', { name: 'Your role' })).toContainText('Owner');
    const english = await page.evaluate(intlDate, ['en', iso, medium] as const);
    await expect(created).toHaveText(english);
    expect(english).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(shell.navLink('Team')).toBeVisible();
    await expect(created).toHaveText(english);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await shell.chooseLanguage('Português (Brasil)');
    await expect(shell.navLink('Equipe')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');
  });

  test('date-times in the audit log follow the chosen language', async ({
    page,
    api,
    signIn,
    shell,
    auditPage,
  }) => {
    const owner = await api.user({ name: 'Helena Duarte' });
    const workspace = await api.workspace(owner, 'Sorveteria Gelato');
    await signIn(owner);
    await auditPage.goto(workspace.id);
    await expect(auditPage.rows('workspace.created')).toBeVisible();
    // The table's name changes with the language, so the row is found by its raw action.
    const createdRow = page
      .getByRole('row')
      .filter({ has: page.getByText('workspace.created', { exact: true }) });
    const when = createdRow.locator('time');
    const iso = (await when.getAttribute('datetime'))!;
    const short: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };

    await expect(when).toHaveText(await page.evaluate(intlDate, ['pt-BR', iso, short] as const));
    await shell.chooseLanguage('English');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(when).toHaveText(await page.evaluate(intlDate, ['en', iso, short] as const));
    await expect(createdRow).toContainText('Created the workspace');
    await expect(page.getByRole('table', { name: 'Audit events' })).toBeVisible();
  });
});
