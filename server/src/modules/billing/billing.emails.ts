// E-mails to a workspace's owners and billing members when its plan's state changes.
export type BillingNotice = 'payment_failed' | 'payment_recovered' | 'deprovisioned' | 'paused';

type Mail = { workspace: string; url: string; date: string | null };

const TEXT: Record<BillingNotice, { pt: (m: Mail) => [string, string]; en: (m: Mail) => [string, string] }> =
  {
    payment_failed: {
      pt: (m) => [
        `${m.workspace}: o pagamento falhou`,
        `Não conseguimos cobrar o plano do workspace ${m.workspace}. Tudo continua funcionando até ${m.date}; depois o painel fica somente leitura e, mais tarde, os bots são pausados.\n\nAtualize a forma de pagamento em ${m.url}`,
      ],
      en: (m) => [
        `${m.workspace}: payment failed`,
        `We could not charge workspace ${m.workspace}'s plan. Everything keeps working until ${m.date}; after that the dashboard becomes read-only and, later, the bots are paused.\n\nUpdate the payment method at ${m.url}`,
      ],
    },
    payment_recovered: {
      pt: (m) => [
        `${m.workspace}: pagamento confirmado`,
        `O pagamento do workspace ${m.workspace} foi confirmado. Obrigado!\n\n${m.url}`,
      ],
      en: (m) => [
        `${m.workspace}: payment received`,
        `Workspace ${m.workspace}'s payment went through. Thank you!\n\n${m.url}`,
      ],
    },
    paused: {
      pt: (m) => [
        `${m.workspace}: bots pausados por falta de pagamento`,
        `Os bots do workspace ${m.workspace} pararam de responder porque o pagamento continua pendente. Eles voltam assim que o pagamento for feito: ${m.url}`,
      ],
      en: (m) => [
        `${m.workspace}: bots paused for non-payment`,
        `Workspace ${m.workspace}'s bots stopped answering because the payment is still missing. They come back as soon as it is paid: ${m.url}`,
      ],
    },
    deprovisioned: {
      pt: (m) => [
        `${m.workspace}: plano encerrado`,
        `O plano do workspace ${m.workspace} terminou e o número foi desconectado. Guardamos os dados da sessão até ${m.date}; assine de novo para voltar: ${m.url}`,
      ],
      en: (m) => [
        `${m.workspace}: plan ended`,
        `Workspace ${m.workspace}'s plan ended and its number was unlinked. We keep the session data until ${m.date}; subscribe again to come back: ${m.url}`,
      ],
    },
  };

export function billingEmail(
  kind: BillingNotice,
  mail: Mail,
  locale: string,
): { subject: string; text: string } {
  const [subject, text] = (locale === 'pt-BR' ? TEXT[kind].pt : TEXT[kind].en)(mail);
  return { subject, text };
}
