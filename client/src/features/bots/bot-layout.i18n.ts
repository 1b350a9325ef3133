// Strings of a bot's pages frame: the tabs and each tab's title and description (namespace botLayout).
import { registerStrings } from '../../lib/i18n.ts';

registerStrings('botLayout', {
  'pt-BR': {
    tabs: 'Seções do bot',
    tab: {
      whatsapp: 'WhatsApp',
      cloud: 'Cloud API',
      agents: 'Agentes e regras',
      sandbox: 'Sandbox',
      versions: 'Versões',
      pairing: 'Pedidos de pareamento',
    },
    title: {
      whatsapp: 'WhatsApp de {{name}}',
      cloud: 'Cloud API de {{name}}',
      agents: 'Agentes e regras de {{name}}',
      sandbox: 'Sandbox de {{name}}',
      versions: 'Versões de {{name}}',
      pairing: 'Pedidos de pareamento de {{name}}',
    },
    description: {
      whatsapp: 'Conecte o número que este bot vai usar para conversar com seus clientes.',
      cloud: 'O número deste bot na API oficial do WhatsApp (Meta): configuração, webhook e verificação.',
      agents:
        'Quem responde, como, e em quais conversas: agentes, políticas de mensagens diretas e grupos, e vínculos.',
      sandbox: 'Teste a configuração em vigor sem usar o WhatsApp.',
      versions: 'Cada configuração salva, com autor e alterações; restaure qualquer uma com um clique.',
      pairing: 'Contatos desconhecidos que pediram para conversar com o bot.',
    },
    backToBots: 'Voltar para os bots',
  },
  en: {
    tabs: 'Bot sections',
    tab: {
      whatsapp: 'WhatsApp',
      cloud: 'Cloud API',
      agents: 'Agents & rules',
      sandbox: 'Sandbox',
      versions: 'Versions',
      pairing: 'Pairing requests',
    },
    title: {
      whatsapp: 'WhatsApp of {{name}}',
      cloud: 'Cloud API of {{name}}',
      agents: 'Agents & rules of {{name}}',
      sandbox: 'Sandbox of {{name}}',
      versions: 'Versions of {{name}}',
      pairing: 'Pairing requests of {{name}}',
    },
    description: {
      whatsapp: 'Link the number this bot will use to talk to your customers.',
      cloud: "This bot's number on WhatsApp's official API (Meta): settings, webhook and verification.",
      agents:
        'Who answers, how, and in which chats: agents, direct-message and group policies, and bindings.',
      sandbox: 'Try the configuration in force without WhatsApp.',
      versions: 'Every saved configuration, with author and changes; restore any of them in one click.',
      pairing: 'Unknown contacts who asked to talk to the bot.',
    },
    backToBots: 'Back to bots',
  },
});
