import { checkBotConfig } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { ImportError, importOpenClaw } from './openclaw-import.ts';

// The example from shared/research/product.md §1.2, as a tenant would paste it.
const EXAMPLE = `{
  agents: {
    defaults: { model: { primary: "anthropic/claude-sonnet-4-5" }, imageGenerationModel: "openai/gpt-image-2" },
    list: [
      { id: "support", default: true, workspace: "~/.openclaw/workspace-support",
        identity: { name: "Lia", emoji: "🤖", avatar: "avatars/lia.png" },
        groupChat: { mentionPatterns: ["@lia", "lia"] },
        tools: { deny: ["exec"] } },
      { id: "sales", workspace: "~/.openclaw/workspace-sales", model: "openai/gpt-5.4-mini" },
    ],
  },
  bindings: [
    { agentId: "sales", match: { channel: "whatsapp", peer: { kind: "group", id: "120363000001@g.us" } } },
    { agentId: "support", match: { channel: "whatsapp" } },
  ],
  channels: { whatsapp: {
    dmPolicy: "allowlist", allowFrom: ["+5511999990000"],
    groupPolicy: "allowlist", groups: { "120363000001@g.us": { requireMention: true } },
  } },
  messages: { tts: { auto: "inbound", provider: "openai" } },
  tools: { web: { search: { provider: "brave" } } },
}`;

describe('importOpenClaw', () => {
  it('maps agents, policies, groups and peer bindings, and reports what it could not take', () => {
    const { config, skipped } = importOpenClaw(EXAMPLE, 'claude-haiku-4-5');
    expect(checkBotConfig(config)).toEqual([]);
    expect(config.agents).toMatchObject([
      {
        id: 'support',
        name: 'Lia',
        emoji: '🤖',
        model: 'claude-sonnet-4-5',
        mentionPatterns: ['@lia', 'lia'],
      },
      { id: 'sales', model: 'claude-haiku-4-5' },
    ]);
    expect(config.defaultAgentId).toBe('support');
    expect(config.dm).toEqual({ policy: 'allowlist', allowFrom: ['5511999990000'] });
    expect(config.groups.list).toEqual([
      { id: '120363000001@g.us', name: '', requireMention: true, model: null },
    ]);
    expect(config.bindings).toEqual([
      { agentId: 'sales', match: { kind: 'group', id: '120363000001@g.us' } },
    ]);
    const keys = skipped.map((s) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'agents.list[0].workspace',
        'agents.list[0].tools',
        'agents.list[1].model',
        'bindings[1]',
        'tools',
      ]),
    );
  });

  it('refuses what is not JSON5 or has no agents, with a clear message', () => {
    expect(() => importOpenClaw('{ agents: ', 'claude-haiku-4-5')).toThrow(ImportError);
    expect(() => importOpenClaw('{ channels: {} }', 'claude-haiku-4-5')).toThrow(/agents.list/);
  });
});
