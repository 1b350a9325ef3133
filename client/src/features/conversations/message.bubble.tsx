// One message of a transcript: inbound on the left (with the author in groups, and the rule when
// the bot stayed quiet), the bot's replies on the right with agent, model, tokens, cost, delivery
// status and 👍/👎 feedback; a failed reply says why in plain words (the 24-hour window above all).
import type { MessageRow } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { formatUsd } from '../costs/money.ts';
import { MESSAGE_STATUS_TONE } from './outcome.ts';
import { ruleLabel } from './outcome-text.ts';
import { describeSendError } from './send-error.ts';
import './conversations.i18n.ts';

const TONE_CLASS = { ok: 'badge-ok', warning: 'badge-warning', danger: 'badge-danger', neutral: '' };

export function MessageBubble(props: {
  message: MessageRow;
  group: boolean;
  canFeedback: boolean;
  onFeedback: (feedback: 'up' | 'down' | null) => void;
}) {
  const { t } = useTranslation('conversations');
  const m = props.message;
  const out = m.direction === 'out';
  const tone = MESSAGE_STATUS_TONE[m.status] ?? 'neutral';
  const showStatus = out || m.status === 'ignored' || m.status === 'recorded';
  return (
    <li
      className={`bubble ${out ? 'bubble-bot' : 'bubble-in'}`}
      aria-label={out ? t('transcript.reply') : t('transcript.incoming')}
    >
      {!out && props.group && m.authorName && <p className="bubble-author">{m.authorName}</p>}
      <p className="bubble-text">
        {m.text || (m.mediaType ? t('transcript.media', { type: m.mediaType }) : '')}
      </p>
      <p className="bubble-meta">
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
        {showStatus && (
          <span className={`badge ${TONE_CLASS[tone]}`}>
            {t(`status.${m.status}`, { defaultValue: m.status })}
          </span>
        )}
        {!out && m.rule && m.status !== 'answered' && (
          <span>{t('meta.rule', { rule: ruleLabel(t, m.rule) })}</span>
        )}
        {out && m.agentId && <span>{t('meta.agent', { agent: m.agentId })}</span>}
        {out && m.model && <span>{t('meta.model', { model: m.model })}</span>}
        {out && (m.inputTokens !== null || m.outputTokens !== null) && (
          <span>
            {t('meta.tokens', {
              input: formatNumber(m.inputTokens ?? 0),
              output: formatNumber(m.outputTokens ?? 0),
            })}
          </span>
        )}
        {out && m.costNano !== null && <span>{t('meta.cost', { cost: formatUsd(m.costNano / 1e9) })}</span>}
      </p>
      {m.error &&
        (out ? (
          <SendErrorNote error={m.error} />
        ) : (
          <p className="field-error small" role="note">
            {m.error}
          </p>
        ))}
      {out && (
        <fieldset className="feedback">
          <legend className="visually-hidden">{t('feedback.label')}</legend>
          {(['up', 'down'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="feedback-btn"
              aria-pressed={m.feedback === value}
              aria-label={t(`feedback.${value}`)}
              disabled={!props.canFeedback}
              onClick={() => props.onFeedback(m.feedback === value ? null : value)}
            >
              {value === 'up' ? '👍' : '👎'}
            </button>
          ))}
        </fieldset>
      )}
    </li>
  );
}

/** A failed reply: what it means and what to do, with the server's own words for support. */
function SendErrorNote({ error }: { error: string }) {
  const { t } = useTranslation('conversations');
  const { kind } = describeSendError(error);
  return (
    <div className="send-error" role="note">
      <p className="field-error small">{t(`sendError.${kind}`)}</p>
      <details className="small muted">
        <summary>{t('sendError.detail')}</summary>
        <code>{error}</code>
      </details>
    </div>
  );
}
