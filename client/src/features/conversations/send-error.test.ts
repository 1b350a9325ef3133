import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { describeSendError } from './send-error.ts';
import './conversations.i18n.ts';

describe('describeSendError', () => {
  it('recognises our own 24-hour window refusal and Meta’s 131047 as the same thing', () => {
    const ours = describeSendError(
      'window_closed: more than 24 hours have passed since the contact last wrote (2030-01-01T00:00:00.000Z); WhatsApp only accepts a template message now',
    );
    expect(ours).toEqual({
      kind: 'window',
      code: 'window_closed',
      detail:
        'more than 24 hours have passed since the contact last wrote (2030-01-01T00:00:00.000Z); WhatsApp only accepts a template message now',
    });
    expect(describeSendError('131047: Re-engagement message — more than 24 hours').kind).toBe('window');
  });

  it('tells apart undeliverable, token, configuration and rate-limit failures', () => {
    expect(describeSendError('131026: Message undeliverable').kind).toBe('undeliverable');
    expect(describeSendError('190: Meta refused the access token (expired)').kind).toBe('token');
    expect(describeSendError("not_configured: the bot's Cloud API number is not set").kind).toBe(
      'notConfigured',
    );
    expect(describeSendError('130429: Rate limit hit').kind).toBe('rateLimited');
    expect(describeSendError('131056: Pair rate limit hit').kind).toBe('rateLimited');
  });

  it('keeps unknown codes and free text as they are', () => {
    expect(describeSendError('131000: Something went wrong')).toEqual({
      kind: 'other',
      code: '131000',
      detail: 'Something went wrong',
    });
    expect(describeSendError('socket hang up')).toEqual({
      kind: 'other',
      code: null,
      detail: 'socket hang up',
    });
  });

  it('has an explanation for every kind in both languages', () => {
    for (const kind of ['window', 'undeliverable', 'token', 'notConfigured', 'rateLimited', 'other']) {
      for (const lng of ['pt-BR', 'en']) {
        expect(i18n.exists(`conversations:sendError.${kind}`, { lng }), `${lng} ${kind}`).toBe(true);
      }
    }
    expect(i18n.t('conversations:sendError.window', { lng: 'pt-BR' })).toMatch(/24 horas.*modelo/s);
  });
});
