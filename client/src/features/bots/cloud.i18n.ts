// Strings of a Cloud API bot's settings page (namespace cloud), the server's refusal reasons for it
// and the English messages of the shared cloud schema as they appear under fields.
import { registerStrings } from '../../lib/i18n.ts';
import '../../ui/messages.i18n.ts';

registerStrings('cloud', {
  'pt-BR': {
    cannotManage:
      'Sua função ({{role}}) não pode ver nem alterar a Cloud API deste bot: só proprietários e administradores.',
    statusCard: 'Estado da Cloud API',
    phase: {
      invalid: 'A Meta recusou o token de acesso',
      incomplete: 'Configuração incompleta',
      unverified: 'Aguardando a verificação da Meta',
      ready: 'Pronto para responder',
    },
    phaseText: {
      invalid: 'O bot não responde até você salvar um novo token de acesso.',
      incomplete: 'Falta preencher: {{missing}}.',
      unverified:
        'Configure o webhook no painel da Meta (veja "Conectar na Meta") para o bot começar a receber mensagens.',
      ready: 'A Meta verificou o webhook e o bot responde às mensagens deste número.',
    },
    piece: {
      phoneNumberId: 'ID do número de telefone',
      accessToken: 'token de acesso',
      appSecret: 'chave secreta do app',
    },
    badge: {
      invalid: 'Token inválido',
      incomplete: 'Incompleto',
      unverified: 'Não verificado',
      ready: 'Pronto',
    },
    numberId: 'ID {{id}}',
    verification: 'Verificação do webhook',
    verifiedAt: 'Verificado pela Meta em {{when}}.',
    notVerified: 'A Meta ainda não verificou a URL de retorno.',
    lastWebhookAt: 'Última notificação da Meta: {{when}}.',
    noWebhook: 'Nenhuma notificação da Meta recebida ainda.',
    tokenBanner: {
      title: 'A Meta recusou o token de acesso deste número',
      said: 'Desde {{when}}. A Meta respondeu: {{error}}',
      todo: 'Enquanto isso o bot não responde ninguém. Gere um novo token no Business Manager da Meta (de preferência um token permanente de um usuário do sistema, com as permissões whatsapp_business_messaging e whatsapp_business_management) e salve-o em "Token de acesso" abaixo.',
    },
    settingsCard: 'Número na Cloud API',
    form: 'Configuração da Cloud API',
    phoneNumberId: 'ID do número de telefone',
    phoneNumberIdHint: 'No app da Meta, em WhatsApp › Configuração da API. Só números.',
    wabaId: 'ID da conta do WhatsApp Business (opcional)',
    wabaIdHint: 'Também em WhatsApp › Configuração da API.',
    accessToken: 'Token de acesso',
    accessTokenSet: 'Salvo (termina em {{hint}}). Deixe em branco para manter ou preencha para trocar.',
    accessTokenMissing: 'Nenhum token salvo. Use um token permanente de um usuário do sistema.',
    appSecret: 'Chave secreta do app',
    appSecretSet: 'Salva (termina em {{hint}}). Deixe em branco para manter ou preencha para trocar.',
    appSecretMissing:
      'Em Configurações do app › Básico. Com ela conferimos que cada notificação vem mesmo da Meta.',
    secretsBlocked: 'Durante a personificação não é possível definir o token nem a chave secreta.',
    advanced: 'Avançado',
    graphBaseUrl: 'Endereço da Graph API',
    graphBaseUrlHint: 'Deixe em branco para usar o da Meta ({{url}}). Mude só para testes.',
    save: 'Salvar configuração',
    saved: 'Configuração da Cloud API salva.',
    connectCard: 'Conectar na Meta',
    connectIntro:
      'A Meta avisa este bot de cada mensagem por um webhook. Cole estes dois valores no painel do seu app da Meta:',
    webhookUrl: 'URL de retorno (Callback URL)',
    verifyToken: 'Token de verificação (Verify token)',
    copy: 'Copiar',
    copyOf: 'Copiar {{label}}',
    copied: 'Copiado para a área de transferência.',
    copyFailed: 'Não foi possível copiar: selecione o texto e copie manualmente.',
    steps: 'Passo a passo',
    step: {
      app: 'Em developers.facebook.com, abra o app da sua empresa e vá em WhatsApp › Configuração.',
      webhook:
        'Em Webhook, clique em Editar, cole a URL de retorno e o token de verificação acima e clique em Verificar e salvar.',
      fields: 'Ainda em Webhook, em Campos do webhook, assine o campo messages.',
      ids: 'Em WhatsApp › Configuração da API, copie o ID do número de telefone (e o ID da conta do WhatsApp Business) para "Número na Cloud API"; em Configurações do app › Básico, copie a chave secreta do app.',
      token:
        'No Business Manager, crie um usuário do sistema, gere um token permanente com as permissões whatsapp_business_messaging e whatsapp_business_management e salve-o como token de acesso.',
      test: 'Quando a Meta verificar, esta página mostra "Verificado". Mande uma mensagem para o número para testar.',
    },
    rotate: 'Trocar o token de verificação',
    rotateConfirm:
      'O token atual deixa de valer. Depois de trocar, cole o novo token no painel da Meta e clique em Verificar e salvar de novo.',
    rotateButton: 'Trocar token',
    rotated: 'Novo token de verificação criado. Atualize-o no painel da Meta.',
  },
  en: {
    cannotManage:
      "Your role ({{role}}) can neither see nor change this bot's Cloud API: only owners and admins can.",
    statusCard: 'Cloud API status',
    phase: {
      invalid: 'Meta refused the access token',
      incomplete: 'Setup incomplete',
      unverified: "Waiting for Meta's verification",
      ready: 'Ready to answer',
    },
    phaseText: {
      invalid: 'The bot does not answer until you save a new access token.',
      incomplete: 'Still missing: {{missing}}.',
      unverified:
        'Set up the webhook in Meta\'s dashboard (see "Connect in Meta") so the bot starts receiving messages.',
      ready: "Meta verified the webhook and the bot answers this number's messages.",
    },
    piece: {
      phoneNumberId: 'phone number id',
      accessToken: 'access token',
      appSecret: 'app secret',
    },
    badge: {
      invalid: 'Token invalid',
      incomplete: 'Incomplete',
      unverified: 'Not verified',
      ready: 'Ready',
    },
    numberId: 'ID {{id}}',
    verification: 'Webhook verification',
    verifiedAt: 'Verified by Meta on {{when}}.',
    notVerified: 'Meta has not verified the callback URL yet.',
    lastWebhookAt: 'Last notification from Meta: {{when}}.',
    noWebhook: 'No notification from Meta received yet.',
    tokenBanner: {
      title: "Meta refused this number's access token",
      said: 'Since {{when}}. Meta answered: {{error}}',
      todo: 'Meanwhile the bot answers no one. Generate a new token in Meta\'s Business Manager (preferably a permanent system user token with the whatsapp_business_messaging and whatsapp_business_management permissions) and save it under "Access token" below.',
    },
    settingsCard: 'Cloud API number',
    form: 'Cloud API settings',
    phoneNumberId: 'Phone number id',
    phoneNumberIdHint: "In Meta's app, under WhatsApp › API Setup. Digits only.",
    wabaId: 'WhatsApp Business account id (optional)',
    wabaIdHint: 'Also under WhatsApp › API Setup.',
    accessToken: 'Access token',
    accessTokenSet: 'Saved (ends in {{hint}}). Leave blank to keep it, or fill in to replace it.',
    accessTokenMissing: 'No token saved. Use a permanent system user token.',
    appSecret: 'App secret',
    appSecretSet: 'Saved (ends in {{hint}}). Leave blank to keep it, or fill in to replace it.',
    appSecretMissing: 'Under App settings › Basic. It proves each notification really comes from Meta.',
    secretsBlocked: 'The token and the app secret cannot be set while impersonating.',
    advanced: 'Advanced',
    graphBaseUrl: 'Graph API address',
    graphBaseUrlHint: "Leave blank to use Meta's ({{url}}). Change it for tests only.",
    save: 'Save settings',
    saved: 'Cloud API settings saved.',
    connectCard: 'Connect in Meta',
    connectIntro:
      "Meta tells this bot about each message through a webhook. Paste these two values into your Meta app's dashboard:",
    webhookUrl: 'Callback URL',
    verifyToken: 'Verify token',
    copy: 'Copy',
    copyOf: 'Copy {{label}}',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the text and copy it by hand.',
    steps: 'Step by step',
    step: {
      app: "At developers.facebook.com, open your business's app and go to WhatsApp › Configuration.",
      webhook:
        'Under Webhook, click Edit, paste the callback URL and the verify token above and click Verify and save.',
      fields: 'Still under Webhook, in Webhook fields, subscribe to the messages field.',
      ids: 'Under WhatsApp › API Setup, copy the phone number id (and the WhatsApp Business account id) into "Cloud API number"; under App settings › Basic, copy the app secret.',
      token:
        'In Business Manager, create a system user, generate a permanent token with the whatsapp_business_messaging and whatsapp_business_management permissions and save it as the access token.',
      test: 'Once Meta has verified it, this page shows "Verified". Send the number a message to try it.',
    },
    rotate: 'Rotate the verify token',
    rotateConfirm:
      "The current token stops working. After rotating, paste the new token into Meta's dashboard and click Verify and save again.",
    rotateButton: 'Rotate token',
    rotated: "New verify token created. Update it in Meta's dashboard.",
  },
});

registerStrings('reasons', {
  'pt-BR': { 'cloud.not_cloud_bot': 'Este bot não usa a Cloud API do WhatsApp.' },
  en: { 'cloud.not_cloud_bot': 'This bot does not use the WhatsApp Cloud API.' },
});

registerStrings('cloudValidation', {
  'pt-BR': {
    graphId: 'Só números, como a Meta mostra',
    accessToken: 'Isto não parece um token de acesso',
    appSecret: 'Isto não parece uma chave secreta de app',
    addressOnly: 'Informe só o endereço, sem parâmetros',
  },
  en: {
    graphId: 'Digits only, as Meta shows it',
    accessToken: 'This does not look like an access token',
    appSecret: 'This does not look like an app secret',
    addressOnly: 'Give the address only',
  },
});
