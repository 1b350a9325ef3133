// Bot configuration and conversations end to end through the SPA: an owner adds an agent, a group
// that requires a mention and a binding to the agent; the sandbox (the real pipeline, replies from
// the Anthropic emulator, which echoes) shows the mention gating, the binding, DM pairing and its
// approval; restoring the first version brings back the old behaviour; in Conversations the owner
// finds the chat, rates a reply and pauses the bot there, and the next message is only recorded.
import { expect, test } from '../fixtures/test.ts';

const GROUP = '120363000000000777@g.us';

test.describe('Bot configuration and conversations', () => {
  test('an owner binds a group to a new agent, tries it in the sandbox, approves a pairing, restores a version and takes over the chat', async ({
    api,
    signIn,
    app,
    page,
  }) => {
    const {
      bots,
      whatsapp,
      botTabs,
      botConfig,
      sandbox,
      botVersions,
      pairingRequests,
      conversations,
      transcript,
    } = app;
    const owner = await api.user({ name: 'Olga Ferreira' });
    const workspace = await api.workspace(owner, `Doceria ${Date.now().toString(36)}`);
    await api.provider(await api.user({ staff: true }));
    await signIn(owner);

    await bots.goto(workspace.id);
    await bots.create('Atendimento');
    await expect(whatsapp.heading('Atendimento')).toBeVisible();
    const botId = /\/bots\/([0-9a-f-]{36})\//.exec(page.url())![1]!;

    await test.step('Agents & rules: agent "Vendas", the group with mention required, bound to Vendas', async () => {
      await botTabs.open('Agentes e regras');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Agentes e regras de Atendimento' }),
      ).toBeVisible();
      await botConfig.addAgent('Vendas');
      await expect(botConfig.agent('Vendas')).toContainText('vendas');
      const n = await botConfig.addGroup(GROUP, 'Vendas da doceria');
      await expect(botConfig.requireMention(n)).toBeChecked();
      await botConfig.bind('Grupo', GROUP, 'Vendas');
      await botConfig.save('Grupo de vendas com o agente Vendas');
      await expect(botConfig.saved).toBeVisible();
    });

    await test.step('sandbox: in the group, no mention is ignored; a mention is answered by Vendas', async () => {
      await botTabs.open('Sandbox');
      const quiet = await sandbox.asMember(
        GROUP,
        { phone: '5511900000001', mention: false },
        'Qual o preço?',
      );
      await expect(sandbox.outcome(quiet)).toContainText('Ignorada');
      await expect(sandbox.outcome(quiet)).toContainText('sem menção ao bot');
      await expect(sandbox.replies(quiet)).toHaveCount(0);

      const called = await sandbox.asMember(
        GROUP,
        { phone: '5511900000001', mention: true },
        'Quanto custa o bolo?',
      );
      await expect(sandbox.outcome(called)).toContainText('Respondida');
      await expect(sandbox.outcome(called)).toContainText('Agente: vendas');
      await expect(sandbox.outcome(called)).toContainText(`Regra: vínculo do grupo ${GROUP}`);
      await expect(sandbox.outcome(called)).toContainText(/Custo: US\$\s?0,/);
      await expect(sandbox.replies(called)).toContainText(/^Echo: .*Quanto custa o bolo\?/s);
    });

    let code = '';
    await test.step('an unknown contact gets a pairing code; approving it lets the bot answer', async () => {
      const first = await sandbox.asContact('5511955550001', 'Bruno', 'Oi, quero encomendar um bolo');
      await expect(sandbox.outcome(first)).toContainText('Código de pareamento enviado');
      const reply = (await sandbox.replies(first).textContent()) ?? '';
      code = /código ([A-Z0-9]{8})/.exec(reply)?.[1] ?? '';
      expect(code).toMatch(/^[A-Z0-9]{8}$/);

      await botTabs.open('Pedidos de pareamento');
      await expect(pairingRequests.row('Bruno')).toContainText('Pendente');
      await pairingRequests.approveCode(code.toLowerCase());
      await expect(page.getByRole('status').filter({ hasText: `Código ${code} aprovado` })).toBeVisible();
      await expect(pairingRequests.row('Bruno')).toContainText('Aprovado');

      await botTabs.open('Sandbox');
      // The session's exchanges are still there after moving between tabs.
      await expect(sandbox.log.getByRole('article')).toHaveCount(3);
      const again = await sandbox.asContact('5511955550001', 'Bruno', 'Oi de novo');
      await expect(sandbox.outcome(again)).toContainText('Respondida');
      await expect(sandbox.replies(again)).toContainText('Echo:');
    });

    await test.step('restoring version 1 brings back "groups from the list only", with no groups', async () => {
      await botTabs.open('Versões');
      await expect(botVersions.version(2)).toContainText('Grupo de vendas com o agente Vendas');
      await expect(botVersions.version(2)).toContainText('agents[vendas]');
      await expect(botVersions.version(2)).toContainText(`adicionado Vendas da doceria (${GROUP})`);
      await botVersions.restore(1);
      await expect(
        page.getByRole('status').filter({ hasText: 'Versão 1 restaurada como versão 3.' }),
      ).toBeVisible();
      await expect(botVersions.version(3)).toContainText('Restaurada da versão 1');

      await botTabs.open('Sandbox');
      const outside = await sandbox.asMember(GROUP, { phone: '5511900000001', mention: true }, 'Alguém aí?');
      await expect(sandbox.outcome(outside)).toContainText('Ignorada');
      await expect(sandbox.outcome(outside)).toContainText('grupo fora da lista');
    });

    await test.step('Conversations: find the group chat, rate a reply and pause the bot there', async () => {
      await app.shell.navLink('Conversas').click();
      await expect(conversations.heading).toBeVisible();
      await conversations.find('000000000777');
      await expect(conversations.table.getByRole('row')).toHaveCount(2);
      await conversations.chatLink(`Sandbox ${GROUP}`).click();
      await expect(transcript.heading(`Sandbox ${GROUP}`)).toBeVisible();
      const reply = transcript.replies().first();
      await expect(reply).toContainText('Agente: vendas');
      await reply.getByRole('button', { name: 'Resposta boa' }).click();
      await expect(reply.getByRole('button', { name: 'Resposta boa' })).toHaveAttribute(
        'aria-pressed',
        'true',
      );
      await transcript.pauseSwitch.check();
      await expect(transcript.takeover).toContainText(
        `O bot está pausado nesta conversa (por ${owner.email})`,
      );
    });

    await test.step('while paused, a message in that chat is recorded without a reply', async () => {
      await sandbox.goto(workspace.id, botId);
      const held = await sandbox.asMember(
        GROUP,
        { phone: '5511900000001', mention: true },
        'Tem bolo de cenoura?',
      );
      await expect(sandbox.outcome(held)).toContainText('Registrada sem resposta');
      await expect(sandbox.replies(held)).toHaveCount(0);
    });
  });
});
