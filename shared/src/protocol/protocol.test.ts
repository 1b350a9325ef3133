import { describe, expect, it } from 'vitest';
import { ZHostCommand, ZSessionCommand } from './commands.ts';
import { eventId, ZSessionEvent } from './events.ts';
import { ZTenantKey } from './session.ts';

describe('bot-host protocol', () => {
  it('builds event ids usable as queue job ids (no colons), stable for the same message', () => {
    const id = eventId('shop-1', 'message.in', 'false_120363@g.us_3EB0_1234:5@lid');
    expect(id).toBe('shop-1/message.in/false_120363@g.us_3EB0_1234.5@lid');
    expect(eventId('shop-1', 'message.in', 'false_120363@g.us_3EB0_1234:5@lid')).toBe(id);
  });

  it('accepts UUID tenant keys and refuses anything that could leave a directory', () => {
    expect(ZTenantKey.safeParse('3f1c2b7e-0d5a-4c8e-9a61-2b3c4d5e6f70').success).toBe(true);
    for (const bad of ['..', '../x', 'a/b', '', '.hidden', 'a b'])
      expect(ZTenantKey.safeParse(bad).success).toBe(false);
  });

  it('parses an inbound group message event with @lid mentions', () => {
    const event = ZSessionEvent.parse({
      id: 'shop/message.in/x',
      type: 'message.in',
      tenantId: 'shop',
      hostId: 'h1',
      runId: 'r1',
      at: '2026-01-01T00:00:00.000Z',
      message: {
        waMessageId: 'false_120363000000000001@g.us_3EB0AB_123456789012345@lid',
        chatId: '120363000000000001@g.us',
        chatType: 'group',
        authorId: '123456789012345@lid',
        authorName: null,
        text: '@bot oi',
        mentionedIds: ['22221111911550@lid'],
        mentionsMe: true,
        quoted: null,
        mediaType: null,
        hasMedia: false,
        isForwarded: false,
        timestamp: 1_790_000_000,
      },
    });
    expect(event.type).toBe('message.in');
  });

  it('validates commands: text required, media only over http(s), typing on by default', () => {
    expect(ZSessionCommand.safeParse({ type: 'send_text', chatId: '5511@c.us', text: '' }).success).toBe(
      false,
    );
    expect(
      ZSessionCommand.safeParse({ type: 'send_media', chatId: '5511@c.us', url: 'file:///etc/passwd' })
        .success,
    ).toBe(false);
    expect(ZSessionCommand.parse({ type: 'typing', chatId: '5511@c.us' })).toEqual({
      type: 'typing',
      chatId: '5511@c.us',
      on: true,
    });
    expect(ZHostCommand.parse({ type: 'start' })).toEqual({ type: 'start', options: {} });
  });
});
