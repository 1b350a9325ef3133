import { type BotConfigInput, ZBotConfig } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { decide, type Inbound } from './routing.ts';

const GROUP = '120363000000000001@g.us';
const OTHER_GROUP = '120363000000000002@g.us';
const agent = (id: string, extra: object = {}) => ({ id, name: id, model: 'claude-haiku-4-5', ...extra });
function config(over: Partial<BotConfigInput> = {}) {
  return ZBotConfig.parse({
    agents: [
      agent('support', { mentionPatterns: ['\\blia\\b'] }),
      agent('sales', { model: 'claude-sonnet-4-6' }),
    ],
    defaultAgentId: 'support',
    ...over,
  });
}
const dm = (phone: string, text = 'oi'): Inbound => ({
  chatType: 'direct',
  chatId: `${phone}@c.us`,
  senderPhone: phone,
  text,
  mentionsMe: false,
});
const group = (text: string, mentionsMe = false, chatId = GROUP): Inbound => ({
  chatType: 'group',
  chatId,
  senderPhone: '5511900000001',
  text,
  mentionsMe,
});

describe('decide', () => {
  it('DM policies: pairing asks unknown senders for pairing, allowlist ignores them, open answers, disabled ignores all', () => {
    expect(decide(config(), dm('5511999990000')).action).toBe('pairing');
    expect(decide(config(), dm('5511999990000'), new Set(['5511999990000'])).action).toBe('reply');
    const allow = config({ dm: { policy: 'allowlist', allowFrom: ['5511999990000'] } });
    expect(decide(allow, dm('5511999990000')).action).toBe('reply');
    expect(decide(allow, dm('5511888880000'))).toMatchObject({ action: 'ignore', reason: 'dm_not_allowed' });
    expect(decide(config({ dm: { policy: 'open', allowFrom: [] } }), dm('5511888880000')).action).toBe(
      'reply',
    );
    expect(
      decide(config({ dm: { policy: 'disabled', allowFrom: ['5511999990000'] } }), dm('5511999990000')),
    ).toMatchObject({ reason: 'dm_disabled' });
  });

  it('group policy: allowlist needs the group listed; requireMention on by default', () => {
    const listed = config({ groups: { policy: 'allowlist', requireMention: true, list: [{ id: GROUP }] } });
    expect(decide(listed, group('bom dia', false, OTHER_GROUP))).toMatchObject({
      reason: 'group_not_allowed',
    });
    expect(decide(listed, group('bom dia'))).toMatchObject({ action: 'ignore', reason: 'no_mention' });
    expect(decide(listed, group('bom dia', true)).action).toBe('reply');
    expect(decide(config({ groups: { policy: 'disabled' } }), group('x', true))).toMatchObject({
      reason: 'group_disabled',
    });
  });

  it('mention patterns are case-insensitive regexes of the bound agent plus the global ones', () => {
    const open = config({ groups: { policy: 'open' }, mentionPatterns: ['^bot[,:]'] });
    expect(decide(open, group('Oi LIA, tudo bem?')).action).toBe('reply');
    expect(decide(open, group('Bot: preço do pão?')).action).toBe('reply');
    expect(decide(open, group('a lia-nova disse')).action).toBe('reply');
    expect(decide(open, group('aliado')).action).toBe('ignore');
  });

  it('requireMention can be turned off per group; a group model overrides the agent model', () => {
    const c = config({
      groups: {
        policy: 'allowlist',
        list: [{ id: GROUP, requireMention: false, model: 'claude-sonnet-4-6' }],
      },
    });
    expect(decide(c, group('sem menção'))).toMatchObject({ action: 'reply', model: 'claude-sonnet-4-6' });
  });

  it('bindings: the exact chat wins over the kind wildcard, which wins over the default agent', () => {
    const c = config({
      groups: { policy: 'open', requireMention: false },
      dm: { policy: 'open' },
      bindings: [
        { agentId: 'support', match: { kind: 'group', id: '*' } },
        { agentId: 'sales', match: { kind: 'group', id: GROUP } },
        { agentId: 'sales', match: { kind: 'direct', id: '5511999990000' } },
      ],
    });
    expect(decide(c, group('x'))).toMatchObject({ agent: { id: 'sales' }, rule: `binding:group:${GROUP}` });
    expect(decide(c, group('x', false, OTHER_GROUP))).toMatchObject({
      agent: { id: 'support' },
      rule: 'binding:group:*',
    });
    expect(decide(c, dm('5511999990000'))).toMatchObject({
      agent: { id: 'sales' },
      model: 'claude-sonnet-4-6',
    });
    expect(decide(c, dm('5511777770000'))).toMatchObject({ agent: { id: 'support' }, rule: 'default-agent' });
  });
});
