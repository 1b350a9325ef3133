import { registerStrings } from '../../lib/i18n.ts';
import './workspace-reasons.i18n.ts';

registerStrings('workspace', {
  'pt-BR': {
    newTitle: 'Criar espaço',
    newDescription: 'Um espaço reúne a equipe, os bots e a cobrança de um negócio.',
    name: 'Nome do espaço',
    nameHint: 'Por exemplo, o nome da sua loja ou clínica.',
    create: 'Criar espaço',
    settingsTitle: 'Configurações do espaço',
    renameTitle: 'Nome',
    rename: 'Salvar nome',
    renamed: 'Nome atualizado.',
    renameForbidden: 'Sua função não permite renomear o espaço.',
    dangerZone: 'Zona de perigo',
    deleteTitle: 'Excluir espaço',
    deleteBody:
      'Excluir o espaço apaga membros, convites e o registro de auditoria dele. Não há como desfazer.',
    deleteConfirmLabel: 'Para confirmar, digite o nome exato',
    deleteButton: 'Excluir espaço definitivamente',
    deleteOwnerOnly: 'Somente o proprietário pode excluir o espaço.',
  },
  en: {
    newTitle: 'Create a workspace',
    newDescription: "A workspace holds one business's team, bots and billing.",
    name: 'Workspace name',
    nameHint: 'For example, the name of your shop or clinic.',
    create: 'Create workspace',
    settingsTitle: 'Workspace settings',
    renameTitle: 'Name',
    rename: 'Save name',
    renamed: 'Name updated.',
    renameForbidden: 'Your role cannot rename the workspace.',
    dangerZone: 'Danger zone',
    deleteTitle: 'Delete workspace',
    deleteBody:
      'Deleting the workspace erases its members, invitations and audit log. This cannot be undone.',
    deleteConfirmLabel: 'To confirm, type the exact name',
    deleteButton: 'Delete workspace permanently',
    deleteOwnerOnly: 'Only the owner can delete the workspace.',
  },
});
