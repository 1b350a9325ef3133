// Audit actions in plain words. Keys are the raw dotted action names the server records; an action
// missing here is shown raw (see action-label.ts), so new server actions never break the log.
import { registerStrings } from '../../lib/i18n.ts';

export const AUDIT_ACTIONS_NS = 'auditActions';

export const auditActions = {
  'pt-BR': {
    'auth.signed_up': 'Criou a conta',
    'auth.email_verified': 'Confirmou o e-mail',
    'auth.login': 'Entrou',
    'auth.login_failed': 'Tentativa de entrada falhou',
    'auth.logout': 'Saiu',
    'auth.password_reset': 'Redefiniu a senha',
    'auth.password_changed': 'Alterou a senha',
    'auth.profile_updated': 'Atualizou o perfil',
    'auth.session_revoked': 'Encerrou uma sessão',
    'auth.sessions_revoked': 'Encerrou as outras sessões',
    'workspace.created': 'Criou o espaço',
    'workspace.renamed': 'Renomeou o espaço',
    'workspace.deleted': 'Excluiu o espaço',
    'workspace.ownership_transferred': 'Transferiu a propriedade',
    'member.role_changed': 'Alterou a função de um membro',
    'member.removed': 'Removeu um membro',
    'member.left': 'Saiu do espaço',
    'invitation.created': 'Enviou um convite',
    'invitation.revoked': 'Revogou um convite',
    'invitation.resent': 'Reenviou um convite',
    'invitation.accepted': 'Aceitou um convite',
    'invitation.declined': 'Recusou um convite',
    'impersonation.requested': 'Pediu para personificar',
    'impersonation.started': 'Iniciou personificação',
    'impersonation.stopped': 'Encerrou personificação',
    'impersonation.expired': 'Personificação expirou',
    'impersonation.mutation': 'Alteração durante personificação',
    'staff.granted': 'Recebeu acesso de staff',
    'staff.revoked': 'Perdeu acesso de staff',
  },
  en: {
    'auth.signed_up': 'Signed up',
    'auth.email_verified': 'Verified e-mail',
    'auth.login': 'Logged in',
    'auth.login_failed': 'Failed login attempt',
    'auth.logout': 'Logged out',
    'auth.password_reset': 'Reset the password',
    'auth.password_changed': 'Changed the password',
    'auth.profile_updated': 'Updated the profile',
    'auth.session_revoked': 'Ended a session',
    'auth.sessions_revoked': 'Ended the other sessions',
    'workspace.created': 'Created the workspace',
    'workspace.renamed': 'Renamed the workspace',
    'workspace.deleted': 'Deleted the workspace',
    'workspace.ownership_transferred': 'Transferred ownership',
    'member.role_changed': "Changed a member's role",
    'member.removed': 'Removed a member',
    'member.left': 'Left the workspace',
    'invitation.created': 'Sent an invitation',
    'invitation.revoked': 'Revoked an invitation',
    'invitation.resent': 'Resent an invitation',
    'invitation.accepted': 'Accepted an invitation',
    'invitation.declined': 'Declined an invitation',
    'impersonation.requested': 'Requested impersonation',
    'impersonation.started': 'Started impersonation',
    'impersonation.stopped': 'Ended impersonation',
    'impersonation.expired': 'Impersonation expired',
    'impersonation.mutation': 'Change made while impersonating',
    'staff.granted': 'Was granted staff access',
    'staff.revoked': 'Lost staff access',
  },
} as const;

registerStrings(AUDIT_ACTIONS_NS, auditActions);

/** Known action names, offered as suggestions in the filter. */
export const KNOWN_ACTIONS = Object.keys(auditActions.en);
