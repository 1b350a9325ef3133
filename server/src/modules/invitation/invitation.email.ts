// The invitation e-mail, in the recipient's language (pt-BR or English).
import type { Role } from '@colmeia/shared';
import type { OutgoingEmail } from '../email/mailer.ts';

const ROLE_LABELS: Record<'pt-BR' | 'en', Record<Role, string>> = {
  'pt-BR': {
    owner: 'proprietário',
    admin: 'administrador',
    member: 'membro',
    viewer: 'leitor',
    billing: 'financeiro',
  },
  en: { owner: 'owner', admin: 'admin', member: 'member', viewer: 'viewer', billing: 'billing' },
};

export interface InvitationEmailInput {
  to: string;
  locale: string;
  inviterName: string;
  workspaceName: string;
  role: Role;
  /** The SPA's accept page with the token. */
  link: string;
  expiresAt: Date;
}

export function acceptLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/invitations/accept?token=${encodeURIComponent(token)}`;
}

export function invitationEmail(i: InvitationEmailInput): OutgoingEmail {
  if (i.locale === 'en') {
    const role = ROLE_LABELS.en[i.role];
    return {
      to: i.to,
      kind: 'invitation',
      subject: `${i.inviterName} invited you to ${i.workspaceName} on Colmeia`,
      text: [
        'Hello!',
        '',
        `${i.inviterName} invited you to join the workspace "${i.workspaceName}" on Colmeia as ${role}.`,
        '',
        `To accept, open this link (valid until ${i.expiresAt.toUTCString()}):`,
        i.link,
        '',
        'If you were not expecting this invitation, you can ignore this e-mail.',
      ].join('\n'),
    };
  }
  const role = ROLE_LABELS['pt-BR'][i.role];
  const until = i.expiresAt.toLocaleString('pt-BR', {
    timeZone: 'America/Sao_Paulo',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return {
    to: i.to,
    kind: 'invitation',
    subject: `${i.inviterName} convidou você para ${i.workspaceName} no Colmeia`,
    text: [
      'Olá!',
      '',
      `${i.inviterName} convidou você para participar do espaço de trabalho "${i.workspaceName}" no Colmeia como ${role}.`,
      '',
      `Para aceitar, abra este link (válido até ${until}):`,
      i.link,
      '',
      'Se você não esperava este convite, pode ignorar este e-mail.',
    ].join('\n'),
  };
}
