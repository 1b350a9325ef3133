import type { ConversationRow, MessageRow } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { conversationsCsv, csvCell, toCsv, transcriptCsv, usdFromNano } from './csv.ts';

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('diz "oi"')).toBe('"diz ""oi"""');
    expect(csvCell('linha 1\nlinha 2')).toBe('"linha 1\nlinha 2"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(false)).toBe('false');
  });

  it('defuse text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+55 11')).toBe("'+55 11");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
  });

  it('join rows with CRLF under the header', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, 'z'],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,z');
  });

  it('write nano-dollars as plain decimal dollars', () => {
    expect(usdFromNano(123_000)).toBe('0.000123');
    expect(usdFromNano(2_500_000_000)).toBe('2.5');
    expect(usdFromNano(0)).toBe('0');
    expect(usdFromNano(null)).toBe('');
  });
});

const conversation: ConversationRow = {
  id: '00000000-0000-4000-8000-000000000001',
  botId: '00000000-0000-4000-8000-0000000000b0',
  channel: 'sandbox',
  chatId: '120363000000000777@g.us',
  chatType: 'group',
  title: 'Sandbox 120363000000000777@g.us',
  contactPhone: null,
  agentId: 'vendas',
  paused: true,
  pausedByEmail: 'olga@example.com',
  messageCount: 3,
  lastMessageAt: '2026-11-22T10:00:00.000Z',
  lastText: 'Echo: "oi", tudo bem?',
};

describe('conversation list export', () => {
  it('has one row per chat, with the bot by name', () => {
    const header = {
      chat: 'Conversa',
      chatId: 'ID',
      kind: 'Tipo',
      phone: 'Telefone',
      bot: 'Bot',
      channel: 'Canal',
      agent: 'Agente',
      paused: 'Pausado',
      messages: 'Mensagens',
      lastMessageAt: 'Em',
      lastText: 'Texto',
    };
    const csv = conversationsCsv([conversation], header, () => 'Atendimento');
    expect(csv.split('\r\n')).toEqual([
      'Conversa,ID,Tipo,Telefone,Bot,Canal,Agente,Pausado,Mensagens,Em,Texto',
      'Sandbox 120363000000000777@g.us,120363000000000777@g.us,group,,Atendimento,sandbox,vendas,true,3,2026-11-22T10:00:00.000Z,"Echo: ""oi"", tudo bem?"',
    ]);
  });
});

const message = (over: Partial<MessageRow>): MessageRow => ({
  id: '00000000-0000-4000-8000-000000000010',
  direction: 'in',
  authorId: '5511900000001@c.us',
  authorName: 'Ana',
  text: 'oi',
  mediaType: null,
  status: 'answered',
  rule: 'binding:group:120363000000000777@g.us',
  agentId: null,
  model: null,
  costNano: null,
  inputTokens: null,
  outputTokens: null,
  feedback: null,
  error: null,
  createdAt: '2026-11-22T10:00:00.000Z',
  ...over,
});

describe('transcript export', () => {
  it('lists messages oldest first with the reply costs in dollars', () => {
    const header = {
      at: 'at',
      direction: 'dir',
      author: 'author',
      text: 'text',
      status: 'status',
      rule: 'rule',
      agent: 'agent',
      model: 'model',
      inputTokens: 'in',
      outputTokens: 'out',
      costUsd: 'usd',
      feedback: 'fb',
    };
    const reply = message({
      id: '00000000-0000-4000-8000-000000000011',
      direction: 'out',
      authorId: null,
      authorName: null,
      text: 'Echo: oi',
      status: 'sent',
      rule: null,
      agentId: 'vendas',
      model: 'claude-haiku-4-5',
      costNano: 1_500,
      inputTokens: 12,
      outputTokens: 3,
      feedback: 'up',
      createdAt: '2026-11-22T10:00:01.000Z',
    });
    // The API pages newest first.
    const rows = transcriptCsv([reply, message({})], header).split('\r\n');
    expect(rows).toEqual([
      'at,dir,author,text,status,rule,agent,model,in,out,usd,fb',
      '2026-11-22T10:00:00.000Z,in,Ana,oi,answered,binding:group:120363000000000777@g.us,,,,,,',
      '2026-11-22T10:00:01.000Z,out,,Echo: oi,sent,,vendas,claude-haiku-4-5,12,3,0.0000015,up',
    ]);
  });
});
