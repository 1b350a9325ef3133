// Translations for what the server and the shared zod schemas say in English: validation messages
// (shown under fields) and error reasons (AppError.reason, shown as form or page errors).
import { registerStrings } from '../lib/i18n.ts';

registerStrings('validation', {
  'pt-BR': {
    required: 'Obrigatório',
    email: 'Informe um e-mail válido',
    emailTooLong: 'E-mail longo demais',
    minChars_one: 'Use pelo menos {{count}} caractere',
    minChars_other: 'Use pelo menos {{count}} caracteres',
    maxChars_one: 'Use no máximo {{count}} caractere',
    maxChars_other: 'Use no máximo {{count}} caracteres',
    wrongPassword: 'A senha atual está incorreta',
    emailTaken: 'Já existe uma conta com este e-mail',
    reasonRequired: 'Diga por que você precisa agir como este usuário',
    reasonMin: 'Explique o motivo com pelo menos 10 caracteres',
  },
  en: {
    required: 'Required',
    email: 'Enter a valid e-mail address',
    emailTooLong: 'E-mail too long',
    minChars_one: 'Use at least {{count}} character',
    minChars_other: 'Use at least {{count}} characters',
    maxChars_one: 'Use at most {{count}} character',
    maxChars_other: 'Use at most {{count}} characters',
    wrongPassword: 'The current password is incorrect',
    emailTaken: 'An account with this e-mail already exists',
    reasonRequired: 'Say why you need to act as this user',
    reasonMin: 'Say why in at least 10 characters',
  },
});

registerStrings('reasons', {
  'pt-BR': {
    network: 'Não foi possível falar com o servidor. Verifique sua conexão e tente novamente.',
    'token.invalid': 'Este link é inválido, expirou ou já foi usado.',
    'auth.invalid_credentials': 'E-mail ou senha incorretos.',
    'auth.email_unverified': 'Confirme seu e-mail antes de entrar: abra o link que enviamos.',
    'auth.email_taken': 'Já existe uma conta com este e-mail.',
    'auth.wrong_password': 'A senha atual está incorreta.',
    'login.rate_limited': 'Muitas tentativas. Aguarde alguns minutos e tente novamente.',
    'session.not_found': 'Sessão não encontrada.',
    'impersonation.blocked':
      'Indisponível durante a personificação. Encerre-a para fazer isso como você mesmo.',
    'impersonation.handoff_invalid':
      'Este link de personificação é inválido, expirou ou já foi usado. Comece de novo pelo console da equipe.',
    'impersonation.other_staff': 'Este link de personificação foi emitido para outro membro da equipe.',
    'impersonation.not_member': 'Este usuário não é membro desse espaço de trabalho.',
    'impersonation.staff_target': 'Contas da equipe não podem ser personificadas.',
    'impersonation.not_active': 'Você não está personificando ninguém.',
    'staff.only': 'Somente para a equipe de suporte.',
    'workspace.missing': 'Escolha um espaço de trabalho primeiro.',
    'workspace.not_member': 'Você não é membro deste espaço de trabalho.',
    'workspace.role_forbidden': 'Sua função neste espaço não permite fazer isso.',
    'impersonation.other_workspace': 'Esta personificação vale apenas para um espaço de trabalho.',
  },
  en: {
    network: 'Could not reach the server. Check your connection and try again.',
    'token.invalid': 'This link is invalid, expired or was already used.',
    'auth.invalid_credentials': 'E-mail or password is incorrect.',
    'auth.email_unverified': 'Confirm your e-mail address first: open the link we sent you.',
    'auth.email_taken': 'An account with this e-mail already exists.',
    'auth.wrong_password': 'The current password is incorrect.',
    'login.rate_limited': 'Too many attempts. Wait a few minutes and try again.',
    'session.not_found': 'Session not found.',
    'impersonation.blocked': 'Unavailable while impersonating. Exit impersonation to do this as yourself.',
    'impersonation.handoff_invalid':
      'This impersonation link is invalid, expired or was already used. Start again from the staff console.',
    'impersonation.other_staff': 'This impersonation link was issued to another staff member.',
    'impersonation.not_member': 'This user is not a member of that workspace.',
    'impersonation.staff_target': 'Staff accounts cannot be impersonated.',
    'impersonation.not_active': 'You are not impersonating anyone.',
    'staff.only': 'Support staff only.',
    'workspace.missing': 'Choose a workspace first.',
    'workspace.not_member': 'You are not a member of this workspace.',
    'workspace.role_forbidden': 'Your role in this workspace does not allow this.',
    'impersonation.other_workspace': 'This impersonation is limited to one workspace.',
  },
});
