import type { Locator, Page } from '@playwright/test';

/** A bot's section tabs (WhatsApp or Cloud API, Agents & rules, Sandbox, Versions, Pairing requests). */
export class BotTabs {
  readonly page: Page;
  readonly nav: Locator;

  constructor(page: Page) {
    this.page = page;
    this.nav = page.getByRole('navigation', { name: 'Seções do bot' });
  }

  open(
    name: 'WhatsApp' | 'Cloud API' | 'Agentes e regras' | 'Sandbox' | 'Versões' | 'Pedidos de pareamento',
  ): Promise<void> {
    return this.nav.getByRole('link', { name, exact: true }).click();
  }
}

/** /w/:tenantId/bots/:botId/agents: the visual editor of a bot's configuration. */
export class BotConfigPage {
  readonly page: Page;
  readonly form: Locator;
  readonly addAgentButton: Locator;
  readonly newAgentDialog: Locator;
  readonly addGroupButton: Locator;
  readonly groups: Locator;
  readonly addBindingButton: Locator;
  readonly bindings: Locator;
  readonly note: Locator;
  readonly saveButton: Locator;
  readonly saved: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.getByRole('form', { name: 'Configuração do bot' });
    this.addAgentButton = this.form.getByRole('button', { name: 'Adicionar agente' });
    this.newAgentDialog = page.getByRole('dialog', { name: 'Novo agente' });
    this.addGroupButton = this.form.getByRole('button', { name: 'Adicionar grupo' });
    this.groups = this.form.getByRole('table', { name: 'Grupos configurados' });
    this.addBindingButton = this.form.getByRole('button', { name: 'Adicionar vínculo' });
    this.bindings = this.form.getByRole('table', { name: 'Vínculos' });
    this.note = this.form.getByLabel('Nota da versão (opcional)');
    this.saveButton = this.form.getByRole('button', { name: 'Salvar configuração' });
    this.saved = page.getByRole('status').filter({ hasText: 'Configuração salva como nova versão.' });
  }

  /** A direct-message policy ("Qualquer pessoa", "Somente a lista" …) by its label. */
  dmPolicy(label: string): Locator {
    return this.form
      .getByRole('group', { name: 'Quem pode conversar com o bot em mensagens diretas' })
      .getByRole('radio', { name: label });
  }

  agent(name: string): Locator {
    return this.form.getByRole('group', { name: `Agente ${name}` });
  }

  async addAgent(name: string): Promise<void> {
    await this.addAgentButton.click();
    await this.newAgentDialog.getByLabel('Nome do agente').fill(name);
    await this.newAgentDialog.getByRole('button', { name: 'Adicionar', exact: true }).click();
  }

  /** Adds a row to the groups table (mention required by default) and types its id. */
  async addGroup(id: string, name = ''): Promise<number> {
    await this.addGroupButton.click();
    const n = await this.groups.getByRole('row').count(); // the header row + n groups
    await this.form.getByLabel(`ID do grupo ${n - 1}`, { exact: true }).fill(id);
    if (name) await this.form.getByLabel(`Nome do grupo ${n - 1}`).fill(name);
    return n - 1;
  }

  requireMention(n: number): Locator {
    return this.form.getByRole('checkbox', { name: `Exigir menção no grupo ${n}` });
  }

  async bind(kind: 'Contato' | 'Grupo', chat: string, agent: string): Promise<void> {
    await this.addBindingButton.click();
    const n = (await this.bindings.getByRole('row').count()) - 1;
    await this.form.getByLabel(`Tipo do vínculo ${n}`).selectOption({ label: kind });
    await this.form.getByLabel(`Chat do vínculo ${n}`).fill(chat);
    await this.form.getByLabel(`Agente do vínculo ${n}`).selectOption({ label: agent });
  }

  async save(note?: string): Promise<void> {
    if (note) await this.note.fill(note);
    await this.saveButton.click();
  }
}
