import { PASSWORD, uniqueEmail } from '../../fixtures/api.ts';
import { expect, test } from '../../fixtures/test.ts';

test.describe('sign up and log in', () => {
  test('a new account confirms its e-mail from the outbox link, then creates its first workspace', async ({
    page,
    api,
    signupPage,
    newWorkspacePage,
    overviewPage,
    shell,
  }) => {
    const person = { name: 'Camila Rocha', email: uniqueEmail('camila'), password: PASSWORD };

    await signupPage.goto();
    await expect(signupPage.heading).toBeVisible();
    await signupPage.signUp(person);
    await expect(signupPage.checkEmailHeading).toBeVisible();
    await expect(page.getByText(`Enviamos um link de confirmação para ${person.email}.`)).toBeVisible();

    const link = await api.emailLink(person.email, 'verify_email');
    expect(new URL(link).pathname).toBe('/verify-email');
    await page.goto(new URL(link).pathname + new URL(link).search);

    // Logged in, and with no workspace yet the app asks for one.
    await expect(page).toHaveURL(/\/workspaces\/new$/);
    await expect(shell.accountMenu).toContainText(person.name);

    await newWorkspacePage.createWorkspace('Clínica Sorriso Feliz');
    await expect(page).toHaveURL(/\/w\/[0-9a-f-]+\/overview$/);
    await expect(overviewPage.heading).toHaveText('Clínica Sorriso Feliz');
  });

  test('signing up again with a registered e-mail shows the error under the e-mail field', async ({
    page,
    api,
    signupPage,
  }) => {
    const existing = await api.user({ name: 'Rafael Souza' });

    await signupPage.goto();
    await signupPage.signUp({ name: 'Outra Pessoa', email: existing.email, password: PASSWORD });

    await expect(signupPage.email).toHaveAttribute('aria-invalid', 'true');
    await expect(signupPage.email).toHaveAccessibleDescription('Já existe uma conta com este e-mail');
    await expect(signupPage.checkEmailHeading).toBeHidden();
    await expect(page).toHaveURL(/\/signup$/);
  });

  test('logging in with a wrong password shows the error and stays on the login page', async ({
    page,
    api,
    loginPage,
  }) => {
    const user = await api.user({ name: 'Beatriz Lima' });

    await loginPage.goto();
    await loginPage.logIn(user.email, 'senha-errada-123');

    await expect(loginPage.formError).toHaveText('E-mail ou senha incorretos.');
    await expect(page).toHaveURL(/\/login$/);
    await expect(loginPage.heading).toBeVisible();
  });
});
