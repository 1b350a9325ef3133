import type { MessageRow } from '@colmeia/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { MessageBubble } from './message.bubble.tsx';

const reply: MessageRow = {
  id: '00000000-0000-4000-8000-000000000001',
  direction: 'out',
  authorId: null,
  authorName: null,
  text: 'Echo: oi',
  mediaType: null,
  status: 'failed',
  rule: null,
  agentId: 'main',
  model: null,
  costNano: null,
  inputTokens: null,
  outputTokens: null,
  feedback: null,
  error:
    'window_closed: more than 24 hours have passed since the contact last wrote; WhatsApp only accepts a template message now',
  createdAt: '2030-01-01T12:00:00.000Z',
};

const show = (message: Partial<MessageRow>) =>
  render(
    <ol>
      <MessageBubble message={{ ...reply, ...message }} group={false} canFeedback onFeedback={() => {}} />
    </ol>,
  );

describe('MessageBubble', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(cleanup);

  it('explains a reply refused outside the 24-hour window, keeping the server’s words for support', () => {
    show({});
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('Fora da janela de 24 horas do WhatsApp');
    expect(note.textContent).toContain('mensagem de modelo (template)');
    expect(note.querySelector('details code')?.textContent).toBe(reply.error);
  });

  it('says what a refused token means', () => {
    show({ error: '190: Meta refused the access token (Error validating access token)' });
    expect(screen.getByRole('note').textContent).toContain('A Meta recusou o token de acesso');
  });

  it('shows no note for a reply that went out', () => {
    show({ status: 'read', error: null });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
