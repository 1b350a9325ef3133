import { registerStrings } from '../../lib/i18n.ts';
import '../costs/costs.i18n.ts';

registerStrings('apiKeys', {
  'pt-BR': {
    title: 'Chaves de API',
    description:
      'Chaves para seus programas chamarem modelos de IA pela Colmeia, com a API do Anthropic: o custo entra no orçamento deste espaço.',
    noPermission: 'Sua função neste espaço não permite gerenciar chaves de API.',
    blockedNotice:
      'Durante a personificação não é possível criar nem revogar chaves: peça ao cliente ou encerre a personificação.',
    howTitle: 'Como usar',
    howText:
      'Use os SDKs oficiais do Anthropic trocando só o endereço base e a chave. Envie a chave no cabeçalho x-api-key (ou Authorization: Bearer).',
    baseUrl: 'Endereço base',
    createTitle: 'Nova chave',
    createForm: 'Criar chave de API',
    name: 'Nome da chave',
    nameHint: 'Para reconhecê-la depois, ex.: “Integração com o CRM”.',
    create: 'Criar chave',
    createdTitle: 'Sua nova chave de API',
    secretLabel: 'Chave de API',
    secretWarning:
      'Copie e guarde esta chave agora, em um lugar seguro: ela não será mostrada de novo. Se perdê-la, revogue-a e crie outra.',
    done: 'Já guardei a chave',
    listTitle: 'Chaves do espaço',
    table: 'Chaves de API',
    empty: 'Nenhuma chave ainda',
    key: 'Chave',
    created: 'Criada',
    createdBy: 'por {{email}}',
    lastUsed: 'Último uso',
    never: 'Nunca',
    status: 'Situação',
    active: 'Ativa',
    revoked: 'Revogada em {{date}}',
    actions: 'Ações',
    revoke: 'Revogar',
    revokeKey: 'Revogar {{name}}',
    revokeTitle: 'Revogar a chave “{{name}}”?',
    revokeBody:
      'Programas que usam esta chave deixam de funcionar na hora, com erro 401. Isso não pode ser desfeito.',
    revokeConfirm: 'Revogar chave',
  },
  en: {
    title: 'API keys',
    description:
      'Keys for your programs to call AI models through Colmeia with Anthropic’s API: the cost counts against this workspace’s budget.',
    noPermission: 'Your role in this workspace does not allow managing API keys.',
    blockedNotice:
      'Keys cannot be created or revoked while impersonating: ask the customer, or exit impersonation.',
    howTitle: 'How to use',
    howText:
      'Use Anthropic’s official SDKs, changing only the base URL and the key. Send the key in the x-api-key header (or Authorization: Bearer).',
    baseUrl: 'Base URL',
    createTitle: 'New key',
    createForm: 'Create an API key',
    name: 'Key name',
    nameHint: 'To recognise it later, e.g. “CRM integration”.',
    create: 'Create key',
    createdTitle: 'Your new API key',
    secretLabel: 'API key',
    secretWarning:
      'Copy this key now and keep it somewhere safe: it will not be shown again. If you lose it, revoke it and create another.',
    done: 'I have stored the key',
    listTitle: 'Workspace keys',
    table: 'API keys',
    empty: 'No keys yet',
    key: 'Key',
    created: 'Created',
    createdBy: 'by {{email}}',
    lastUsed: 'Last used',
    never: 'Never',
    status: 'Status',
    active: 'Active',
    revoked: 'Revoked on {{date}}',
    actions: 'Actions',
    revoke: 'Revoke',
    revokeKey: 'Revoke {{name}}',
    revokeTitle: 'Revoke the key “{{name}}”?',
    revokeBody: 'Programs using this key stop working at once, with a 401 error. This cannot be undone.',
    revokeConfirm: 'Revoke key',
  },
});
