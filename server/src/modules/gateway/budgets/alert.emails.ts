// Budget alert e-mails in the recipient's language (Portuguese for pt-BR, English otherwise).
import { nanoToUsd } from '@colmeia/shared';

export interface AlertMail {
  kind: 'budget_threshold' | 'daily_cap';
  workspace: string;
  threshold: number;
  limitNano: number;
  spentNano: number;
  url: string;
}

const usd = (nano: number) => `US$ ${nanoToUsd(nano).toFixed(2)}`;

export function alertEmail(a: AlertMail, locale: string): { subject: string; text: string } {
  const pt = locale === 'pt-BR';
  if (a.kind === 'daily_cap') {
    return pt
      ? {
          subject: `${a.workspace}: limite diário de IA atingido`,
          text: `O workspace ${a.workspace} atingiu o limite diário de ${usd(a.limitNano)} em IA. Os bots ficam pausados até meia-noite (UTC) e respondem aos contatos que voltam mais tarde.\n\nAjuste o limite em ${a.url}`,
        }
      : {
          subject: `${a.workspace}: daily AI cap reached`,
          text: `Workspace ${a.workspace} reached its daily AI cap of ${usd(a.limitNano)}. Its bots are paused until midnight (UTC) and tell contacts to come back later.\n\nAdjust the cap at ${a.url}`,
        };
  }
  const left = usd(Math.max(0, a.limitNano - a.spentNano));
  return pt
    ? {
        subject: `${a.workspace}: restam ${a.threshold}% do orçamento mensal de IA`,
        text: `O workspace ${a.workspace} já gastou ${usd(a.spentNano)} de ${usd(a.limitNano)} este mês; restam ${left} (${a.threshold}% ou menos).\n\nVeja os custos e ajuste o orçamento em ${a.url}`,
      }
    : {
        subject: `${a.workspace}: ${a.threshold}% of the monthly AI budget left`,
        text: `Workspace ${a.workspace} has spent ${usd(a.spentNano)} of ${usd(a.limitNano)} this month; ${left} is left (${a.threshold}% or less).\n\nSee costs and adjust the budget at ${a.url}`,
      };
}
