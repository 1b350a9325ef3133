// Texts of the account e-mails (verification, magic link, password reset) in the user's language:
// Portuguese for pt-BR, English for everything else.
export type AuthEmailKind = 'verify_email' | 'magic_link' | 'password_reset';

export interface AuthEmailContent {
  subject: string;
  text: string;
}

interface Template {
  subject: string;
  body: (name: string, url: string) => string;
}

const PT: Record<AuthEmailKind, Template> = {
  verify_email: {
    subject: 'Confirme seu e-mail no Colmeia',
    body: (name, url) =>
      `Olá, ${name}!\n\nPara ativar sua conta no Colmeia, confirme seu e-mail abrindo o link abaixo:\n\n${url}\n\nO link vale por 24 horas. Se você não criou esta conta, ignore esta mensagem.`,
  },
  magic_link: {
    subject: 'Seu link de acesso ao Colmeia',
    body: (name, url) =>
      `Olá, ${name}!\n\nUse o link abaixo para entrar no Colmeia sem senha:\n\n${url}\n\nO link vale por 15 minutos e só pode ser usado uma vez. Se você não pediu este link, ignore esta mensagem.`,
  },
  password_reset: {
    subject: 'Redefina sua senha do Colmeia',
    body: (name, url) =>
      `Olá, ${name}!\n\nRecebemos um pedido para redefinir a senha da sua conta. Para escolher uma nova senha, abra o link abaixo:\n\n${url}\n\nO link vale por 1 hora. Ao redefinir a senha, todas as sessões abertas serão encerradas. Se você não fez este pedido, ignore esta mensagem.`,
  },
};

const EN: Record<AuthEmailKind, Template> = {
  verify_email: {
    subject: 'Confirm your e-mail for Colmeia',
    body: (name, url) =>
      `Hello ${name},\n\nTo activate your Colmeia account, confirm your e-mail address by opening this link:\n\n${url}\n\nThe link is valid for 24 hours. If you did not create this account, ignore this message.`,
  },
  magic_link: {
    subject: 'Your Colmeia sign-in link',
    body: (name, url) =>
      `Hello ${name},\n\nUse this link to sign in to Colmeia without a password:\n\n${url}\n\nThe link is valid for 15 minutes and works once. If you did not ask for it, ignore this message.`,
  },
  password_reset: {
    subject: 'Reset your Colmeia password',
    body: (name, url) =>
      `Hello ${name},\n\nWe received a request to reset your account password. To choose a new one, open this link:\n\n${url}\n\nThe link is valid for 1 hour. Resetting the password signs out every open session. If you did not ask for this, ignore this message.`,
  },
};

export function authEmail(
  kind: AuthEmailKind,
  locale: string,
  vars: { name: string; url: string },
): AuthEmailContent {
  const template = (locale === 'pt-BR' ? PT : EN)[kind];
  return { subject: template.subject, text: template.body(vars.name, vars.url) };
}

/** PUBLIC_URL + SPA path + token, tolerant of a trailing slash on PUBLIC_URL. */
export function linkTo(publicUrl: string, path: string, token: string): string {
  // Relative resolution keeps a path prefix in PUBLIC_URL (https://host/app → https://host/app/…).
  const url = new URL(path.replace(/^\/+/, ''), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}
