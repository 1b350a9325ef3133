// Server refusal reasons of the workspace, member and invitation procedures, added to the shared
// 'reasons' namespace (ui/messages.i18n.ts) so FormError shows them in the visitor's language.
import { registerStrings } from '../../lib/i18n.ts';
import '../../ui/messages.i18n.ts';

registerStrings('reasons', {
  'pt-BR': {
    'member.self': 'Você não pode fazer isso com a sua própria conta.',
    'member.owner': 'A função do proprietário não muda; ele pode transferir a propriedade.',
    'member.owner_must_transfer': 'O proprietário não pode sair: transfira a propriedade antes.',
    'member.not_owner': 'Só o proprietário pode transferir a propriedade.',
    'member.not_found': 'Este membro não está mais no espaço. Recarregue a página.',
    'workspace.confirm_name': 'Digite o nome do espaço exatamente como aparece.',
    'invitation.pending_exists': 'Já existe um convite pendente para este e-mail; use Reenviar.',
    'invitation.already_member': 'Esta pessoa já é membro do espaço.',
    'invitation.not_pending': 'Este convite não está mais pendente.',
    'invitation.not_found': 'Convite não encontrado.',
    'invitation.invalid': 'Este link de convite é inválido. Confira se copiou o link inteiro.',
    'invitation.expired': 'Este convite expirou. Peça um novo.',
    'invitation.revoked': 'Este convite foi revogado.',
    'invitation.used': 'Este convite já foi aceito.',
    'invitation.declined': 'Este convite foi recusado.',
    'invitation.wrong_account': 'Este convite foi enviado para outro e-mail. Entre com o e-mail convidado.',
  },
  en: {
    'member.self': 'You cannot do this to your own account.',
    'member.owner': "The owner's role does not change; the owner can transfer ownership.",
    'member.owner_must_transfer': 'The owner cannot leave: transfer ownership first.',
    'member.not_owner': 'Only the owner can transfer ownership.',
    'member.not_found': 'This member is no longer in the workspace. Reload the page.',
    'workspace.confirm_name': 'Type the workspace name exactly as shown.',
    'invitation.pending_exists': 'This address already has a pending invitation; use Resend.',
    'invitation.already_member': 'This person is already a member of the workspace.',
    'invitation.not_pending': 'This invitation is no longer pending.',
    'invitation.not_found': 'Invitation not found.',
    'invitation.invalid': 'This invitation link is invalid. Check that you copied the whole link.',
    'invitation.expired': 'This invitation has expired. Ask for a new one.',
    'invitation.revoked': 'This invitation was revoked.',
    'invitation.used': 'This invitation was already accepted.',
    'invitation.declined': 'This invitation was declined.',
    'invitation.wrong_account':
      'This invitation was sent to another e-mail. Log in with the invited address.',
  },
});
