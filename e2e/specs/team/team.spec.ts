import { expect, test } from '../../fixtures/test.ts';

test.describe('team and roles', () => {
  test('the owner invites someone as viewer; the invitee opens the e-mailed link, accepts and sees the workspace', async ({
    api,
    signIn,
    openBrowser,
    teamPage,
  }) => {
    const owner = await api.user({ name: 'Olga Ferreira' });
    const workspace = await api.workspace(owner, 'Padaria Pão Quente');
    const invitee = await api.user({ name: 'Bruno Carvalho' });

    await signIn(owner);
    await teamPage.goto(workspace.id);
    await teamPage.invite(invitee.email, 'viewer');
    await expect(teamPage.inviteSent(invitee.email)).toBeVisible();
    await expect(teamPage.invitationRow(invitee.email)).toContainText('Leitor');

    const link = await api.emailLink(invitee.email, 'invitation');
    const bruno = await openBrowser();
    await bruno.acceptInvitation.open(link);
    await expect(bruno.acceptInvitation.invitedTo(workspace.name)).toBeVisible();
    await expect(bruno.page.getByText('Função: Leitor.')).toBeVisible();
    // Logged out: log in first, then come back to the same invitation.
    await bruno.acceptInvitation.loginToAccept.click();
    await expect(bruno.login.heading).toBeVisible();
    await bruno.login.logIn(invitee.email, invitee.password);
    await expect(bruno.acceptInvitation.heading).toBeVisible();
    await bruno.acceptInvitation.accept.click();

    await expect(bruno.page).toHaveURL(new RegExp(`/w/${workspace.id}/overview$`));
    await expect(bruno.overview.heading).toHaveText(workspace.name);
    await expect(bruno.page.getByRole('region', { name: 'Sua função' })).toContainText('Leitor');
  });

  test('a viewer cannot manage the team or see the audit log, and the API refuses with 403', async ({
    page,
    api,
    signIn,
    app,
  }) => {
    const owner = await api.user({ name: 'Olga Ferreira' });
    const workspace = await api.workspace(owner, 'Mercadinho Bom Preço');
    const viewer = await api.user({ name: 'Bruno Carvalho' });
    await api.join(owner, workspace, viewer, 'viewer');

    await signIn(viewer);
    await app.team.goto(workspace.id);
    await expect(app.team.heading).toBeVisible();
    await expect(app.team.cannotManageNotice).toContainText('Leitor');
    await expect(app.team.roleSelects).toHaveCount(2);
    for (const select of await app.team.roleSelects.all()) await expect(select).toBeDisabled();
    await expect(app.team.inviteEmail).toBeDisabled();
    await expect(app.team.inviteRole).toBeDisabled();
    await expect(app.team.inviteButton).toBeDisabled();
    await expect(app.team.invitations).toBeHidden();

    // The audit log is not in the navigation, and opening it directly explains why.
    await expect(app.shell.navLink('Equipe')).toBeVisible();
    await expect(app.shell.navLink('Auditoria')).toBeHidden();
    await app.audit.goto(workspace.id);
    await expect(app.audit.noPermission).toBeVisible();
    await expect(app.audit.table).toBeHidden();

    const asViewer = viewer.client.inTenant(workspace.id);
    const invite = await asViewer.raw('mutation', 'invitation.create', {
      email: 'alguem@example.com',
      role: 'member',
    });
    expect(invite.status).toBe(403);
    const rename = await asViewer.raw('mutation', 'tenant.rename', { name: 'Tomado pelo leitor' });
    expect(rename.status).toBe(403);

    // Nothing changed.
    const asOwner = owner.client.inTenant(workspace.id);
    const invitations = await asOwner.query<{ email: string }[]>('invitation.list');
    expect(invitations.map((i) => i.email)).toEqual([viewer.email]);
    await expect(asOwner.query('tenant.get')).resolves.toMatchObject({ name: workspace.name });
    await page.reload();
    await expect(app.shell.mainNav).toContainText(workspace.name);
  });

  test('after the owner makes the viewer an admin in the UI, the admin can invite', async ({
    api,
    signIn,
    openBrowser,
    teamPage,
  }) => {
    const owner = await api.user({ name: 'Olga Ferreira' });
    const workspace = await api.workspace(owner, 'Ateliê Mãos de Fada');
    const promoted = await api.user({ name: 'Bruno Carvalho' });
    await api.join(owner, workspace, promoted, 'viewer');

    const bruno = await openBrowser(promoted);
    await bruno.team.goto(workspace.id);
    await expect(bruno.team.inviteButton).toBeDisabled();

    await signIn(owner);
    await teamPage.goto(workspace.id);
    await expect(teamPage.roleOf(promoted.name)).toHaveValue('viewer');
    await teamPage.changeRole(promoted.name, 'admin');
    await expect(teamPage.roleOf(promoted.name)).toHaveValue('admin');
    await expect
      .poll(async () => (await api.members(owner, workspace)).find((m) => m.email === promoted.email)?.role)
      .toBe('admin');

    await bruno.page.reload();
    await expect(bruno.team.cannotManageNotice).toBeHidden();
    await expect(bruno.team.inviteButton).toBeEnabled();
    const newcomer = 'carla.mendes@example.com';
    await bruno.team.invite(newcomer, 'member');
    await expect(bruno.team.inviteSent(newcomer)).toBeVisible();
    await expect(bruno.team.invitationRow(newcomer)).toContainText('Membro');
  });
});
