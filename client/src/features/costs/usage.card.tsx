// The call-by-call log behind the costs (gateway.usage): newest first, paged by cursor, filterable
// by outcome. A downgraded call shows the model it ran on and the one it asked for.
import { USAGE_OUTCOMES, type UsageRow } from '@colmeia/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, SelectField } from '../../ui/ui.tsx';
import { PagedTable } from '../staff/paged-table.tsx';
import { formatLatency, formatTokens, formatUsd } from './money.ts';
import './costs.css';
import './costs.i18n.ts';

const OUTCOME_TONE: Record<UsageRow['outcome'], string> = {
  ok: 'badge-ok',
  error: 'badge-danger',
  refused: 'badge-warning',
};

export function UsageCard() {
  const { t } = useTranslation('costs');
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<UsageRow['outcome'] | ''>('');
  const query = useInfiniteQuery(
    trpc.gateway.usage.infiniteQueryOptions(
      { limit: 25, outcome: outcome || undefined },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  return (
    <Card
      title={t('usageTitle')}
      actions={
        <SelectField
          label={t('outcomeFilter')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as UsageRow['outcome'] | '')}
        >
          <option value="">{t('allOutcomes')}</option>
          {USAGE_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </SelectField>
      }
    >
      <PagedTable
        query={query}
        label={t('usageTable')}
        empty={t('noUsage')}
        columns={[t('when'), t('model'), t('channel'), t('tokens'), t('cost'), t('latency'), t('outcome')]}
        row={(u) => <UsageCells row={u} />}
      />
    </Card>
  );
}

export function UsageCells({ row: u }: { row: UsageRow }) {
  const { t } = useTranslation('costs');
  const cacheWrite = u.cacheWrite5mTokens + u.cacheWrite1hTokens;
  return (
    <>
      <td>
        <time dateTime={u.createdAt}>{formatDateTime(u.createdAt)}</time>
      </td>
      <td>
        <code>{u.model}</code>
        {u.requestedModel !== u.model && (
          <div className="muted small">{t('downgraded', { model: u.requestedModel })}</div>
        )}
      </td>
      <td>{t(`channels.${u.channel}`, { defaultValue: u.channel })}</td>
      <td
        className="num"
        title={t('tokensDetail', {
          input: formatNumber(u.inputTokens),
          output: formatNumber(u.outputTokens),
          write: formatNumber(cacheWrite),
          read: formatNumber(u.cacheReadTokens),
        })}
      >
        {t('inputOutput', { input: formatTokens(u.inputTokens), output: formatTokens(u.outputTokens) })}
      </td>
      <td className="num">{formatUsd(u.costUsd)}</td>
      <td className="num">{formatLatency(u.latencyMs)}</td>
      <td>
        <span className={`badge ${OUTCOME_TONE[u.outcome]}`}>{t(`outcomes.${u.outcome}`)}</span>
        {/* Refusals carry the gateway's reason code; upstream failures Anthropic's error type. */}
        {u.errorType && (
          <div className="muted small">{t(`reasons:${u.errorType}`, { defaultValue: u.errorType })}</div>
        )}
      </td>
    </>
  );
}
