import type { SandboxResult } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import {
  appendExchange,
  exchangeOf,
  loadLog,
  SANDBOX_DEFAULTS,
  sandboxInput,
  saveLog,
  settle,
} from './sandbox.ts';

const BOT = '00000000-0000-4000-8000-0000000000b0';

describe('sandbox form', () => {
  it('writes as a contact with the phone as digits and no group', () => {
    const result = sandboxInput(BOT, {
      ...SANDBOX_DEFAULTS,
      phone: '+55 (11) 90000-0001',
      text: 'oi',
      groupId: 'x',
      mention: true,
    });
    expect(result).toEqual({
      ok: true,
      input: { botId: BOT, as: 'contact', phone: '5511900000001', name: '', text: 'oi', mention: false },
    });
  });

  it('writes in a group, mentioning the bot when asked', () => {
    const result = sandboxInput(BOT, {
      as: 'group',
      phone: '5511900000002',
      name: 'Ana',
      groupId: ' 120363000000000777@g.us ',
      mention: true,
      text: 'preço?',
    });
    expect(result).toMatchObject({
      ok: true,
      input: { groupId: '120363000000000777@g.us', mention: true, name: 'Ana' },
    });
  });

  it('names the fields that are wrong', () => {
    expect(sandboxInput(BOT, { ...SANDBOX_DEFAULTS, as: 'group', phone: '12', text: ' ' })).toEqual({
      ok: false,
      errors: {
        phone: 'Digits with country code, e.g. 5511987654321',
        text: 'Write a message',
        groupId: 'Choose the group',
      },
    });
    expect(sandboxInput(BOT, { ...SANDBOX_DEFAULTS, as: 'group', text: 'oi' })).toEqual({
      ok: false,
      errors: { groupId: 'Choose the group' },
    });
    expect(sandboxInput(BOT, { ...SANDBOX_DEFAULTS, as: 'group', groupId: '1203', text: 'oi' })).toEqual({
      ok: false,
      errors: { groupId: 'A WhatsApp group id ends in @g.us' },
    });
  });
});

const result: SandboxResult = {
  status: 'answered',
  rule: 'default-agent',
  reason: null,
  agentId: 'assistente',
  model: 'claude-haiku-4-5',
  replies: [{ id: '00000000-0000-4000-8000-000000000001', text: 'Echo: oi' }],
  costNano: 100,
  inputTokens: 5,
  outputTokens: 2,
  conversationId: '00000000-0000-4000-8000-000000000002',
};

describe('sandbox session', () => {
  const input = {
    botId: BOT,
    as: 'contact' as const,
    phone: '5511900000001',
    name: '',
    text: 'oi',
    mention: false,
  };

  it('settles each exchange by its id and keeps the last fifty', () => {
    let log = appendExchange([], exchangeOf('a', input, new Date(0)));
    log = appendExchange(log, exchangeOf('b', input, new Date(1)));
    log = settle(log, 'a', { result });
    log = settle(log, 'b', { error: 'offline' });
    expect(log.map((e) => [e.id, e.result?.status ?? null, e.error])).toEqual([
      ['a', 'answered', null],
      ['b', null, 'offline'],
    ]);
    for (let i = 0; i < 60; i++) log = appendExchange(log, exchangeOf(`x${i}`, input, new Date(i)));
    expect(log).toHaveLength(50);
    expect(log[49]!.id).toBe('x59');
  });

  it('survives in storage; one left waiting reads as interrupted', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const log = [
      settle([exchangeOf('a', input, new Date(0))], 'a', { result })[0]!,
      exchangeOf('b', input, new Date(1)),
    ];
    saveLog(BOT, log, storage);
    const loaded = loadLog(BOT, storage);
    expect(loaded[0]).toEqual(log[0]);
    expect(loaded[1]).toMatchObject({ id: 'b', result: null, error: 'interrupted' });
    expect(loadLog('other', storage)).toEqual([]);
    store.set(`colmeia.sandbox.${BOT}`, '{not json');
    expect(loadLog(BOT, storage)).toEqual([]);
  });
});
