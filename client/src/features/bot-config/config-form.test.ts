import { type BotConfig, defaultBotConfig, ZBotConfig } from '@colmeia/shared';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  agentIdFromName,
  type ConfigForm,
  configFormSchema,
  configToForm,
  modelForNewAgent,
  newAgent,
  serverFieldErrors,
} from './config-form.ts';

const sample: BotConfig = ZBotConfig.parse({
  agents: [
    { id: 'lia', name: 'Lia', emoji: '🐝', model: 'claude-haiku-4-5', avatarUrl: 'https://x.test/a.png' },
    {
      id: 'vendas',
      name: 'Vendas',
      model: 'claude-sonnet-4-6',
      mentionPatterns: ['\\bvendas\\b'],
      historyWindow: 5,
    },
  ],
  defaultAgentId: 'lia',
  dm: { policy: 'allowlist', allowFrom: ['5511987654321'] },
  groups: {
    policy: 'allowlist',
    requireMention: false,
    list: [
      { id: '120363000000000777@g.us', name: 'Vendas', requireMention: true, model: null },
      { id: '120363000000000888@g.us', name: '', requireMention: false, model: 'claude-sonnet-4-6' },
    ],
  },
  mentionPatterns: ['@?colmeia'],
  bindings: [{ agentId: 'vendas', match: { kind: 'group', id: '120363000000000777@g.us' } }],
});

function parse(form: ConfigForm, allowed: readonly string[] | null = null) {
  return configFormSchema(allowed).safeParse(form);
}
const paths = (result: ReturnType<typeof parse>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('config form ⇄ schema', () => {
  it('gives back the same configuration it was made from', () => {
    for (const config of [sample, defaultBotConfig('Padaria')]) {
      const result = parse(configToForm(config));
      expect(paths(result)).toEqual([]);
      expect(result.data).toEqual(config);
    }
  });

  it('holds numbers as text and "none" as empty strings', () => {
    const form = configToForm(sample);
    expect(form.agents[1]).toMatchObject({ historyWindow: '5', maxTokens: '1024', avatarUrl: '' });
    expect(form.agents[0]!.avatarUrl).toBe('https://x.test/a.png');
    expect(form.groups.list.map((g) => g.model)).toEqual(['', 'claude-sonnet-4-6']);
  });

  it('reads empty number boxes as the defaults and an empty avatar as none', () => {
    const form = configToForm(sample);
    form.agents[1] = { ...form.agents[1]!, historyWindow: ' ', maxTokens: '', avatarUrl: '  ' };
    const result = parse(form);
    expect(result.data?.agents[1]).toMatchObject({ historyWindow: 20, maxTokens: 1024, avatarUrl: null });
  });

  it('points each problem at its field, schema and semantic checks together', () => {
    const form = configToForm(sample);
    form.agents[0] = { ...form.agents[0]!, name: ' ', historyWindow: 'vinte', maxTokens: '9000' };
    form.agents[1] = { ...form.agents[1]!, mentionPatterns: ['(unclosed'] };
    form.bindings = [{ agentId: 'suporte', match: { kind: 'group', id: '120363000000000777@g.us' } }];
    form.groups.list[0] = { ...form.groups.list[0]!, id: '120363' };
    const problems = paths(parse(form));
    expect(problems).toContain('agents.0.name: Give the agent a name');
    expect(problems).toContain('agents.0.historyWindow: Enter a whole number');
    expect(problems).toContain('agents.0.maxTokens: Too big: expected number to be <=8192');
    expect(problems).toContain('groups.list.0.id: A WhatsApp group id ends in @g.us');
    expect(problems).toContain('bindings.0.agentId: No agent has the id "suporte"');
    expect(
      problems.find((p) => p.startsWith('agents.1.mentionPatterns.0: Not a valid pattern')),
    ).toBeTruthy();
  });

  it('refuses models the plan does not include, for agents and group overrides', () => {
    const problems = paths(parse(configToForm(sample), ['claude-haiku-4-5']));
    expect(problems).toEqual([
      'agents.1.model: Your plan does not include claude-sonnet-4-6 (allowed: claude-haiku-4-5). Upgrade on the Billing page.',
      'groups.list.1.model: Your plan does not include claude-sonnet-4-6 (allowed: claude-haiku-4-5). Upgrade on the Billing page.',
    ]);
  });

  it('refuses a default agent that no longer exists', () => {
    const form = configToForm(sample);
    form.agents = form.agents.slice(1);
    expect(paths(parse(form))).toEqual(['defaultAgentId: No agent has the id "lia"']);
  });
});

describe('new agents', () => {
  it('derive a lowercase id from the name, unique among the others', () => {
    expect(agentIdFromName('Vendas', [])).toBe('vendas');
    expect(agentIdFromName('Atendimento São Paulo!', [])).toBe('atendimento-sao-paulo');
    expect(agentIdFromName('Vendas', ['vendas', 'vendas-2'])).toBe('vendas-3');
    expect(agentIdFromName('🐝', [])).toBe('agente');
    expect(agentIdFromName('x'.repeat(60), []).length).toBeLessThanOrEqual(32);
  });

  it("start on the default agent's model, or the first one the plan allows", () => {
    const models = ['claude-opus-4-1', 'claude-haiku-4-5', 'claude-sonnet-4-6'];
    expect(modelForNewAgent('claude-sonnet-4-6', models, null)).toBe('claude-sonnet-4-6');
    expect(modelForNewAgent('claude-opus-4-1', models, ['claude-haiku-4-5'])).toBe('claude-haiku-4-5');
    expect(modelForNewAgent(undefined, models, null)).toBe('claude-opus-4-1');
    const model = modelForNewAgent('retired-model', models, ['claude-haiku-4-5']);
    expect(model).toBe('claude-haiku-4-5');
    const form = configToForm(sample);
    form.agents.push(
      newAgent(
        ' Suporte ',
        form.agents.map((a) => a.id),
        model,
      ),
    );
    const result = parse(form, ['claude-haiku-4-5', 'claude-sonnet-4-6']);
    expect(paths(result)).toEqual([]);
    expect(result.data?.agents[2]).toMatchObject({
      id: 'suporte',
      name: 'Suporte',
      model: 'claude-haiku-4-5',
    });
  });
});

describe('server field errors', () => {
  it('are renamed from the save input ("config.…") to the form', () => {
    const error = TRPCClientError.from({
      error: {
        message: 'bad',
        code: -32600,
        data: {
          code: 'BAD_REQUEST',
          httpStatus: 400,
          reason: 'botConfig.invalid',
          fields: { 'config.agents.0.model': ['Your plan does not include x'], baseVersion: ['no'] },
        },
      },
    });
    expect(serverFieldErrors(error)).toEqual([['agents.0.model', 'Your plan does not include x']]);
    expect(serverFieldErrors(new Error('offline'))).toEqual([]);
  });
});
