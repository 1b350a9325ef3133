import { registerStrings } from '../../lib/i18n.ts';

registerStrings('overview', {
  'pt-BR': {
    title: 'Visão geral',
    yourRole: 'Sua função',
    members: 'Membros',
    created: 'Criado em',
    manageTeam: 'Gerenciar equipe',
    whatsapp: 'WhatsApp',
    whatsappBody:
      'Nenhum número conectado ainda. Quando você conectar um bot, o status da conexão aparecerá aqui.',
    messages: 'Mensagens',
    messagesBody: 'As conversas e o volume de mensagens aparecerão aqui quando houver um bot conectado.',
    costs: 'Custos',
    costsBody:
      'O consumo e os custos reais deste espaço aparecerão aqui quando os bots começarem a responder.',
    comingSoon: 'Em breve',
  },
  en: {
    title: 'Overview',
    yourRole: 'Your role',
    members: 'Members',
    created: 'Created',
    manageTeam: 'Manage team',
    whatsapp: 'WhatsApp',
    whatsappBody: 'No number connected yet. Once you connect a bot, its connection status will show here.',
    messages: 'Messages',
    messagesBody: 'Conversations and message volume will show here once a bot is connected.',
    costs: 'Costs',
    costsBody: "This workspace's real usage and costs will show here once bots start replying.",
    comingSoon: 'Coming soon',
  },
});
