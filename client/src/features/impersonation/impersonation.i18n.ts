import { registerStrings } from '../../lib/i18n.ts';

registerStrings('impersonation', {
  'pt-BR': {
    region: 'Personificação',
    actingAs: '{{staff}} está acessando como {{email}}',
    reason: 'Motivo: {{reason}}',
    ticket: 'Chamado: {{ticket}}',
    timeLeft: 'Tempo restante',
    exit: 'Encerrar',
    redeemTitle: 'Iniciando personificação',
    redeeming: 'Abrindo a sessão de personificação…',
    failedTitle: 'Não foi possível iniciar a personificação',
    backToStaff: 'Voltar ao console da equipe',
    loginFirst: 'Entre com sua conta da equipe de suporte para usar este link.',
    login: 'Entrar',
    missingToken: 'O link não tem o código de personificação. Comece de novo pelo console da equipe.',
  },
  en: {
    region: 'Impersonation',
    actingAs: '{{staff}} is acting as {{email}}',
    reason: 'Reason: {{reason}}',
    ticket: 'Ticket: {{ticket}}',
    timeLeft: 'Time left',
    exit: 'Exit',
    redeemTitle: 'Starting impersonation',
    redeeming: 'Opening the impersonation session…',
    failedTitle: 'Could not start the impersonation',
    backToStaff: 'Back to the staff console',
    loginFirst: 'Log in with your support staff account to use this link.',
    login: 'Log in',
    missingToken: 'The link has no impersonation code. Start again from the staff console.',
  },
});
