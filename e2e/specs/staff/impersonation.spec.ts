import type { SeededUser, SeededWorkspace, TestApi } from '../../fixtures/api.ts';
import { type App, expect, test } from '../../fixtures/test.ts';

const REASON = 'Cliente pediu ajuda para configurar o espaço';
const BLOCKED = 'Indisponível durante a personificação';

/** A tenant (owner + workspace with a searchable, unique name) and a support staff member. */
async function seed(api: TestApi): Promise<{
  owner: SeededUser;
  workspace: SeededWorkspace;
  staff: SeededUser;
}> {
  const owner = await api.user({ name: 'Olga Ferreira' });
  const workspace = await api.workspace(owner, `Farmácia Vida ${Date.now().toString(36)}`);
  const staff = await api.user({ name: 'Sofia Suporte', staff: true });
  return { owner, workspace, staff };
}

async function expectStaffConsole(app: App): Promise<void> {
  await expect(app.page).toHaveURL(/\/staff\/tenants$/);
  await expect(app.staffTenants.heading).toBeVisible();
  await expect(app.shell.banner.region).toBeHidden();
  await expect(app.shell.staffNav).toBeVisible();
}

test.describe('staff impersonation', () => {
  test('staff impersonates a member with a reason: banner everywhere, sensitive actions refused, changes audited', async ({
    page,
    api,
    signIn,
    openBrowser,
    app,
  }) => {
    const { owner, workspace, staff } = await seed(api);
    const { banner } = app.shell;
    await signIn(staff);

    await test.step('find the tenant in the staff console', async () => {
      await app.staffTenants.goto();
      await app.staffTenants.searchFor(workspace.name);
      await expect(app.staffTenants.table.getByRole('row')).toHaveCount(2);
      await app.staffTenants.tenantLink(workspace.name).click();
      await expect(app.staffTenant.heading(workspace.name)).toBeVisible();
    });

    await test.step('without a reason nothing starts', async () => {
      const dialog = app.staffTenant.dialog;
      await app.staffTenant.impersonateButton(owner.email).click();
      await expect(dialog.of(owner.name)).toBeVisible();
      await dialog.start(owner.name).click();
      await expect(dialog.reason(owner.name)).toHaveAttribute('aria-invalid', 'true');
      await expect(dialog.reason(owner.name)).toHaveAccessibleDescription(
        'Explique o motivo com pelo menos 10 caracteres',
      );
      await expect(dialog.of(owner.name)).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/staff/tenants/${workspace.id}$`));
      await expect(banner.region).toBeHidden();
      const events = await owner.client.inTenant(workspace.id).query<{ items: unknown[] }>('audit.list', {
        action: 'impersonation',
      });
      expect(events.items).toEqual([]);
    });

    await test.step('with a reason and a ticket it starts in the tenant overview, under the red banner', async () => {
      const dialog = app.staffTenant.dialog;
      await dialog.reason(owner.name).fill(REASON);
      await dialog.ticket(owner.name).fill('CH-4521');
      await dialog.start(owner.name).click();

      await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/overview$`));
      await expect(app.overview.heading).toHaveText(workspace.name);
      await expect(banner.region).toContainText(`${staff.name} está acessando como ${owner.email}`);
      await expect(banner.region).toContainText(`Motivo: ${REASON}`);
      await expect(banner.region).toContainText('Chamado: CH-4521');
      await expect(banner.timer).toHaveText(/^(59|60):\d\d$/);
      await expect(app.shell.staffNav).toBeHidden();
    });

    await test.step('the banner stays on every page', async () => {
      await app.shell.navLink('Equipe').click();
      await expect(app.team.heading).toBeVisible();
      await expect(banner.region).toBeVisible();
      await expect(app.team.inviteButton).toBeDisabled();

      await app.shell.navLink('Auditoria').click();
      await expect(app.audit.heading).toBeVisible();
      await expect(banner.region).toBeVisible();

      await app.shell.navLink('Configurações').click();
      await expect(app.settings.heading).toBeVisible();
      await expect(banner.region).toBeVisible();

      await app.shell.myAccountLink.click();
      await expect(app.account.heading).toBeVisible();
      await expect(banner.region).toBeVisible();

      await app.shell.navLink('Visão geral').click();
      await expect(app.overview.heading).toHaveText(workspace.name);
      await expect(banner.region).toBeVisible();
    });

    await test.step('changing the password is refused, in the UI and at the API', async () => {
      await app.account.goto();
      await expect(banner.region).toBeVisible();
      await expect(app.account.changePassword).toBeDisabled();
      await expect(app.account.passwordCard.getByRole('status')).toHaveText(BLOCKED);

      const status = await page.evaluate(async (password) => {
        const res = await fetch('/trpc/auth.changePassword', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-colmeia-csrf': '1' },
          body: JSON.stringify({ currentPassword: password, newPassword: 'senha-trocada-pela-equipe' }),
        });
        return res.status;
      }, owner.password);
      expect(status).toBe(403);
      // The owner's password still works.
      expect(await api.logsIn(owner.email, owner.password)).toBe(true);
    });

    const renamed = `${workspace.name} (matriz)`;
    await test.step('renaming the workspace is allowed', async () => {
      await app.settings.goto(workspace.id);
      await app.settings.rename(renamed);
      await expect(app.settings.renamed).toBeVisible();
      await expect(app.shell.mainNav).toContainText(renamed);
      await expect(banner.region).toBeVisible();
    });

    await test.step('"Encerrar" returns to the staff console', async () => {
      await banner.exitButton.click();
      await expectStaffConsole(app);
    });

    await test.step('the owner sees it all in the audit log, badged and attributed to the staff member', async () => {
      const olga = await openBrowser(owner);
      await olga.audit.goto(workspace.id);
      await expect(olga.audit.heading).toBeVisible();
      for (const [action, label] of [
        ['impersonation.started', 'Iniciou personificação'],
        ['workspace.renamed', 'Renomeou o espaço'],
        ['impersonation.mutation', 'Alteração durante personificação'],
        ['impersonation.stopped', 'Encerrou personificação'],
      ] as const) {
        const row = olga.audit.rows(action);
        await expect(row, action).toHaveCount(1);
        await expect(row).toContainText(label);
        await expect(row.getByText('Personificação', { exact: true })).toBeVisible();
        await expect(row).toContainText(staff.email);
        await expect(row).toContainText(`como ${owner.email}`);
      }
      await expect(olga.audit.rows('impersonation.mutation')).toContainText('trpc:tenant.rename');
    });
  });

  test('an impersonation ends by itself when its time runs out', async ({
    page,
    api,
    signIn,
    openBrowser,
    app,
  }) => {
    const { owner, workspace, staff } = await seed(api);
    // The banner's countdown runs on the browser clock; it must be faked before the app loads.
    await page.clock.install();
    await signIn(staff);

    await app.staffTenant.goto(workspace.id);
    await app.staffTenant.impersonate(owner, REASON, 'CH-4522');
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/overview$`));
    await expect(app.shell.banner.timer).toHaveText(/^(59|60):\d\d$/);

    await api.advanceClock(61 * 60_000);
    await page.clock.fastForward('01:01:00');

    await expectStaffConsole(app);
    const olga = await openBrowser(owner);
    await olga.audit.goto(workspace.id);
    const expired = olga.audit.rows('impersonation.expired');
    await expect(expired).toHaveCount(1);
    await expect(expired).toContainText('Personificação expirou');
    await expect(expired).toContainText(staff.email);
    await expect(olga.audit.rows('impersonation.stopped')).toHaveCount(0);
  });

  test('with the browser clock ahead of the server, the banner waits at 00:00 until the server ends it', async ({
    page,
    api,
    signIn,
    app,
  }) => {
    const { owner, workspace, staff } = await seed(api);
    await page.clock.install();
    await signIn(staff);
    await app.staffTenant.goto(workspace.id);
    await app.staffTenant.impersonate(owner, REASON, 'CH-4525');
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}/overview$`));

    // The browser reaches the deadline half a minute before the server does.
    await api.advanceClock(60 * 60_000 - 30_000);
    await page.clock.fastForward('01:00:00');
    await expect(app.shell.banner.timer).toHaveText('00:00');
    await expect(app.shell.banner.region).toBeVisible();

    await api.advanceClock(31_000);
    await expectStaffConsole(app);
  });

  test('an impersonation link works once: opening it again shows the error', async ({ api, signIn, app }) => {
    const { owner, workspace, staff } = await seed(api);
    const [member] = await api.members(owner, workspace);
    const { url } = await staff.client.mutate<{ url: string }>('impersonation.start', {
      userId: member!.userId,
      tenantId: workspace.id,
      reason: REASON,
      ticket: 'CH-4523',
    });
    await signIn(staff);

    await app.impersonate.open(url);
    await expect(app.overview.heading).toHaveText(workspace.name);
    await app.shell.banner.exitButton.click();
    await expectStaffConsole(app);

    await app.impersonate.open(url);
    await expect(app.impersonate.failedHeading).toBeVisible();
    await expect(app.impersonate.error).toContainText(
      'Este link de personificação é inválido, expirou ou já foi usado.',
    );
    await expect(app.shell.banner.region).toBeHidden();
  });

  test('the staff console refuses, in Portuguese, the tenant user and the staff member acting as one', async ({
    api,
    signIn,
    openBrowser,
    app,
  }) => {
    const { owner, workspace, staff } = await seed(api);
    const refusal = 'Somente para a equipe de suporte.';

    const olga = await openBrowser(owner);
    await olga.staffTenants.goto();
    await expect(olga.staffTenants.error).toContainText(refusal);
    await expect(olga.staffTenants.table).toBeHidden();

    const [member] = await api.members(owner, workspace);
    const { url } = await staff.client.mutate<{ url: string }>('impersonation.start', {
      userId: member!.userId,
      tenantId: workspace.id,
      reason: REASON,
      ticket: 'CH-4524',
    });
    await signIn(staff);
    await app.impersonate.open(url);
    await expect(app.overview.heading).toHaveText(workspace.name);
    await app.staffTenants.goto();
    await expect(app.shell.banner.region).toBeVisible();
    await expect(app.staffTenants.error).toContainText(refusal);
    await expect(app.staffTenants.table).toBeHidden();
  });
});
