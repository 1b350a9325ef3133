import { describe, expect, it } from 'vitest';
import { parseCallback, ZCallback } from './cloud-payload.ts';

const bot = { tenantId: 't', botId: 'b', phoneNumberId: '106540352242922' };
const callback = (value: Record<string, unknown>, phoneNumberId = bot.phoneNumberId) =>
  ZCallback.parse({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });

describe('Cloud API callbacks', () => {
  it('turns an inbound text into a direct pipeline input keyed by the wamid', () => {
    const parsed = parseCallback(
      callback({
        contacts: [{ profile: { name: 'Maria' }, wa_id: '5511999999999' }],
        messages: [
          {
            from: '5511999999999',
            id: 'wamid.A',
            timestamp: '1767225600',
            type: 'text',
            text: { body: 'Oi' },
          },
        ],
      }),
      bot,
    );
    expect(parsed.messages).toEqual([
      {
        channel: 'cloud',
        tenantId: 't',
        botId: 'b',
        externalId: 'wamid.A',
        chatId: '5511999999999',
        chatType: 'direct',
        chatTitle: 'Maria',
        authorId: '5511999999999',
        authorName: 'Maria',
        senderPhone: '5511999999999',
        text: 'Oi',
        mentionsMe: false,
        mediaType: null,
        at: '2026-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('keeps captions of media, button titles and marks unsupported content', () => {
    const parsed = parseCallback(
      callback({
        messages: [
          { from: '1', id: 'w1', timestamp: '1', type: 'image', image: { id: 'm', caption: 'meu pedido' } },
          {
            from: '1',
            id: 'w2',
            timestamp: '1',
            type: 'interactive',
            interactive: { button_reply: { id: 'x', title: 'Sim' } },
          },
          { from: '1', id: 'w3', timestamp: '1', type: 'unknown', errors: [{ code: 131051 }] },
          { from: '1', id: 'w4', timestamp: '1', type: 'system', system: { body: 'changed number' } },
        ],
      }),
      bot,
    );
    expect(parsed.messages.map((m) => [m.externalId, m.text, m.mediaType])).toEqual([
      ['w1', 'meu pedido', 'image'],
      ['w2', 'Sim', null],
      ['w3', '', 'unknown'],
    ]);
  });

  it('reads statuses with their error codes and 👍/👎 reactions as feedback', () => {
    const parsed = parseCallback(
      callback({
        statuses: [
          { id: 'w5', status: 'delivered', timestamp: '1', recipient_id: '1' },
          {
            id: 'w6',
            status: 'failed',
            timestamp: '1',
            recipient_id: '1',
            errors: [
              { code: 131047, title: 'Re-engagement message', error_data: { details: 'More than 24 hours' } },
            ],
          },
        ],
        messages: [
          {
            from: '1',
            id: 'r1',
            timestamp: '1',
            type: 'reaction',
            reaction: { message_id: 'w5', emoji: '👍' },
          },
          {
            from: '1',
            id: 'r2',
            timestamp: '1',
            type: 'reaction',
            reaction: { message_id: 'w6', emoji: '😂' },
          },
          { from: '1', id: 'r3', timestamp: '1', type: 'reaction', reaction: { message_id: 'w7' } },
        ],
      }),
      bot,
    );
    expect(parsed.statuses).toEqual([
      { wamid: 'w5', status: 'delivered', error: null },
      { wamid: 'w6', status: 'failed', error: '131047: Re-engagement message — More than 24 hours' },
    ]);
    expect(parsed.reactions).toEqual([
      { wamid: 'w5', feedback: 'up' },
      { wamid: 'w7', feedback: null },
    ]);
    expect(parsed.messages).toHaveLength(0);
  });

  it("ignores changes for another phone number id (Meta's app pointed at the wrong bot)", () => {
    const parsed = parseCallback(
      callback(
        { messages: [{ from: '1', id: 'w', timestamp: '1', type: 'text', text: { body: 'x' } }] },
        '999',
      ),
      bot,
    );
    expect(parsed.messages).toHaveLength(0);
    expect(parsed.problems[0]).toContain('999');
  });
});
