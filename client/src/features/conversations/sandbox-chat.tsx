// The sandbox's chat: what the tester wrote (as whom, where) and what the bot did about it — its
// replies as bubbles and a line with the outcome, the agent, the rule that decided, model, tokens
// and cost.
import type { SandboxResult } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { formatPhone } from '../bots/phone.ts';
import { formatUsd } from '../costs/money.ts';
import { OUTCOME_TONE } from './outcome.ts';
import { reasonLabel, ruleLabel } from './outcome-text.ts';
import type { Exchange } from './sandbox.ts';
import './conversations.i18n.ts';

const TONE_CLASS = { ok: 'badge-ok', warning: 'badge-warning', danger: 'badge-danger', neutral: '' };

export function SandboxChat({ log }: { log: readonly Exchange[] }) {
  const { t } = useTranslation('conversations');
  if (log.length === 0) return <p className="muted chat-empty">{t('sandbox.empty')}</p>;
  return (
    <div className="chat" role="log" aria-label={t('sandbox.log')}>
      {log.map((e, i) => (
        <article key={e.id} className="exchange" aria-label={t('sandbox.exchange', { n: i + 1 })}>
          <div className="bubble bubble-mine">
            <p className="bubble-author">
              {e.as === 'group'
                ? t('sandbox.asMember', { who: who(e), group: e.groupId })
                : t('sandbox.asContact', { who: who(e) })}
              {e.mention && <span className="badge">{t('sandbox.mentioned')}</span>}
            </p>
            <p className="bubble-text">{e.text}</p>
          </div>
          {e.result?.replies.map((reply) => (
            <div key={reply.id} className="bubble bubble-bot">
              <p className="bubble-text">{reply.text}</p>
            </div>
          ))}
          <Outcome exchange={e} />
        </article>
      ))}
    </div>
  );
}

function who(e: Exchange): string {
  const phone = formatPhone(e.phone);
  return e.name ? `${e.name} (${phone})` : phone;
}

function Outcome({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation('conversations');
  if (exchange.error)
    return (
      <p className="outcome field-error" role="alert">
        {exchange.error === 'interrupted' ? t('sandbox.interrupted') : exchange.error}
      </p>
    );
  const r = exchange.result;
  if (!r)
    return (
      <p className="outcome muted" role="status">
        {t('sandbox.waiting')}
      </p>
    );
  return (
    <p className="outcome">
      <span className="visually-hidden">{t('sandbox.outcomeLabel')}: </span>
      <span className={`badge ${TONE_CLASS[OUTCOME_TONE[r.status] ?? 'neutral']}`}>
        {t(`outcome.${r.status}`)}
      </span>
      {details(t, r).map((d) => (
        <span key={d} className="outcome-detail">
          {d}
        </span>
      ))}
    </p>
  );
}

function details(t: ReturnType<typeof useTranslation>['t'], r: SandboxResult): string[] {
  const parts: string[] = [];
  if (r.reason && r.status !== 'answered') parts.push(reasonLabel(t, r.reason));
  if (r.agentId) parts.push(t('meta.agent', { agent: r.agentId }));
  if (r.rule) parts.push(t('meta.rule', { rule: ruleLabel(t, r.rule) }));
  if (r.model) parts.push(t('meta.model', { model: r.model }));
  if (r.inputTokens || r.outputTokens)
    parts.push(
      t('meta.tokens', { input: formatNumber(r.inputTokens), output: formatNumber(r.outputTokens) }),
    );
  if (r.status === 'answered' && r.model) parts.push(t('meta.cost', { cost: formatUsd(r.costNano / 1e9) }));
  return parts;
}
