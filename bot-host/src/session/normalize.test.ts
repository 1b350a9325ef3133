import { describe, expect, it } from 'vitest';
import { idString, type RawMessage, toInboundMessage } from './normalize.ts';

const me = { wid: '5511911112222@c.us', lid: '22221111911550@lid' };
const base: RawMessage = {
  id: { _serialized: 'false_5511988887777@c.us_3EB0AAAA', fromMe: false },
  from: '5511988887777@c.us',
  to: me.wid,
  body: 'oi',
  type: 'chat',
  timestamp: 1_790_000_000,
  hasMedia: false,
  hasQuotedMsg: false,
  mentionedIds: [],
  rawData: { notifyName: 'Ana' },
};

describe('normalizing whatsapp-web.js messages', () => {
  it('maps a direct message', () => {
    expect(toInboundMessage(base, me)).toEqual({
      waMessageId: 'false_5511988887777@c.us_3EB0AAAA',
      chatId: '5511988887777@c.us',
      chatType: 'direct',
      authorId: '5511988887777@c.us',
      authorName: 'Ana',
      text: 'oi',
      mentionedIds: [],
      mentionsMe: false,
      quoted: null,
      mediaType: null,
      hasMedia: false,
      isForwarded: false,
      timestamp: 1_790_000_000,
    });
  });

  it('takes the author of a group message and sees our @lid among the mentions', () => {
    const msg = toInboundMessage(
      {
        ...base,
        id: { _serialized: 'false_120363000000000001@g.us_3EB0BBBB_123456789012345@lid', fromMe: false },
        from: '120363000000000001@g.us',
        author: '123456789012345@lid',
        // whatsapp-web.js types these as strings but hands out Wid objects.
        mentionedIds: [
          { _serialized: '22221111911550@lid', server: 'lid', user: '22221111911550' },
          '5511999990000@c.us',
        ],
      },
      me,
    );
    expect(msg).toMatchObject({
      chatType: 'group',
      chatId: '120363000000000001@g.us',
      authorId: '123456789012345@lid',
      mentionedIds: ['22221111911550@lid', '5511999990000@c.us'],
      mentionsMe: true,
    });
  });

  it('does not count mentions of others as mentioning us', () => {
    const msg = toInboundMessage({ ...base, mentionedIds: ['5511999990000@c.us'] }, me);
    expect(msg.mentionsMe).toBe(false);
  });

  it('treats a reply to one of our messages as addressing us and rebuilds the quoted id', () => {
    const msg = toInboundMessage(
      {
        ...base,
        id: { _serialized: 'false_120363000000000001@g.us_3EB0CCCC_5511977776666@c.us', fromMe: false },
        from: '120363000000000001@g.us',
        author: '5511977776666@c.us',
        hasQuotedMsg: true,
        rawData: {
          quotedMsg: { type: 'chat', body: 'Our hours are 9–18' },
          quotedStanzaID: '3EB0DDDD',
          quotedParticipant: { _serialized: me.lid },
          quotedRemoteJid: { _serialized: '120363000000000001@g.us' },
        },
      },
      me,
    );
    expect(msg.quoted).toEqual({
      waMessageId: `true_120363000000000001@g.us_3EB0DDDD_${me.lid}`,
      text: 'Our hours are 9–18',
      fromMe: true,
      authorId: me.lid,
    });
    expect(msg.mentionsMe).toBe(true);
    expect(msg.authorName).toBeNull();
  });

  it('reports the media type and the caption as text', () => {
    const msg = toInboundMessage({ ...base, type: 'image', hasMedia: true, body: 'menu' }, me);
    expect(msg).toMatchObject({ mediaType: 'image', hasMedia: true, text: 'menu' });
  });

  it('reads ids given as strings or Wid objects', () => {
    expect(idString('a@c.us')).toBe('a@c.us');
    expect(idString({ _serialized: 'b@lid' })).toBe('b@lid');
    expect(idString(undefined)).toBeNull();
  });
});
