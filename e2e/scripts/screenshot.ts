// The README's picture: a lived-in workspace's team page (realistic Portuguese names), seeded
// through the API and saved at 1280×800 to docs/screenshot.png.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures/test.ts';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshot.png');

test('README screenshot: the team page of a seeded workspace', async ({ page, api, signIn, teamPage }) => {
  const owner = await api.user({ name: 'Olga Ferreira', email: 'olga@paodemel.com.br' });
  const workspace = await api.workspace(owner, 'Padaria Pão de Mel');
  const team = [
    { name: 'Bruno Carvalho', email: 'bruno@paodemel.com.br', role: 'admin' },
    { name: 'Camila Rocha', email: 'camila@paodemel.com.br', role: 'member' },
    { name: 'Diego Almeida', email: 'diego@paodemel.com.br', role: 'member' },
    { name: 'Fernanda Lima', email: 'financeiro@paodemel.com.br', role: 'billing' },
  ] as const;
  for (const person of team) {
    await api.join(owner, workspace, await api.user({ name: person.name, email: person.email }), person.role);
  }
  const asOwner = owner.client.inTenant(workspace.id);
  await asOwner.mutate('invitation.create', { email: 'joana.silva@paodemel.com.br', role: 'viewer' });

  await signIn(owner);
  await teamPage.goto(workspace.id);
  await expect(teamPage.roleSelects).toHaveCount(team.length + 1);
  await expect(teamPage.invitations.getByRole('row')).toHaveCount(team.length + 2);
  await page.screenshot({ path: OUT });
});
