import { describe, expect, it } from 'vitest';
import { checkBotConfig, defaultBotConfig, ZBotConfig } from './bot-config.ts';

describe('bot config', () => {
  it('a new bot gets a valid default configuration', () => {
    const config = defaultBotConfig('Lia');
    expect(checkBotConfig(config)).toEqual([]);
    expect(config.dm.policy).toBe('pairing');
    expect(config.groups.requireMention).toBe(true);
  });

  it('points semantic problems at their field', () => {
    const config = ZBotConfig.parse({
      agents: [
        { id: 'a', name: 'A', model: 'claude-opus-4-8', mentionPatterns: ['(unclosed'] },
        { id: 'a', name: 'B', model: 'claude-haiku-4-5' },
      ],
      defaultAgentId: 'zz',
      bindings: [
        { agentId: 'ghost', match: { kind: 'group', id: 'not-a-group' } },
        { agentId: 'a', match: { kind: 'direct', id: '*' } },
        { agentId: 'a', match: { kind: 'direct', id: '*' } },
      ],
    });
    const paths = checkBotConfig(config, { allowedModels: ['claude-haiku-4-5'] }).map((i) =>
      i.path.join('.'),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'agents.1.id',
        'agents.0.model',
        'agents.0.mentionPatterns.0',
        'defaultAgentId',
        'bindings.0.agentId',
        'bindings.0.match.id',
        'bindings.2.match',
      ]),
    );
  });

  it('refuses unknown models and malformed numbers in the schema itself', () => {
    expect(
      ZBotConfig.safeParse({ agents: [{ id: 'a', name: 'A', model: 'gpt-5' }], defaultAgentId: 'a' }).success,
    ).toBe(false);
    const bad = ZBotConfig.safeParse({
      agents: [{ id: 'a', name: 'A', model: 'claude-haiku-4-5' }],
      defaultAgentId: 'a',
      dm: { allowFrom: ['+55 11 9'] },
    });
    expect(bad.success).toBe(false);
  });
});
