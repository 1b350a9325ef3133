import { describe, expect, it } from 'vitest';
import { authEmail, linkTo } from './auth.emails.ts';

const url = 'https://app.example/verify-email?token=abc';

describe('auth e-mails', () => {
  it('writes Portuguese for pt-BR users, with their name and the link', () => {
    const mail = authEmail('verify_email', 'pt-BR', { name: 'Ana', url });
    expect(mail.subject).toBe('Confirme seu e-mail no Colmeia');
    expect(mail.text).toContain('Olá, Ana!');
    expect(mail.text).toContain(url);
    expect(mail.text).toContain('24 horas');
  });

  it('writes English for every other locale', () => {
    for (const locale of ['en', 'es', '']) {
      const mail = authEmail('password_reset', locale, { name: 'Bob', url });
      expect(mail.subject).toBe('Reset your Colmeia password');
      expect(mail.text).toContain('Hello Bob');
      expect(mail.text).toContain('1 hour');
    }
  });

  it('states the validity of each kind of link', () => {
    expect(authEmail('magic_link', 'en', { name: 'x', url }).text).toContain('15 minutes');
    expect(authEmail('magic_link', 'pt-BR', { name: 'x', url }).text).toContain('15 minutos');
    expect(authEmail('verify_email', 'en', { name: 'x', url }).text).toContain('24 hours');
    expect(authEmail('password_reset', 'pt-BR', { name: 'x', url }).text).toContain('1 hora');
  });
});

describe('linkTo', () => {
  it('joins the public URL, the SPA path and the token', () => {
    expect(linkTo('http://localhost:3000', '/magic-link', 'tok')).toBe(
      'http://localhost:3000/magic-link?token=tok',
    );
    expect(linkTo('http://localhost:3000/', '/magic-link', 'tok')).toBe(
      'http://localhost:3000/magic-link?token=tok',
    );
  });

  it('keeps a path prefix of the public URL', () => {
    expect(linkTo('https://host.example/app', '/reset-password', 'tok')).toBe(
      'https://host.example/app/reset-password?token=tok',
    );
  });

  it('encodes the token', () => {
    expect(linkTo('https://host.example', '/verify-email', 'a+b/c=')).toBe(
      'https://host.example/verify-email?token=a%2Bb%2Fc%3D',
    );
  });
});
