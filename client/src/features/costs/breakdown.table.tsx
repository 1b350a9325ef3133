// One breakdown of the month's spend (by model, agent or channel): calls, tokens, cost and its
// share of the total, biggest first as the server sends them.
import type { CostSlice } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { formatPercent, formatTokens, formatUsd } from './money.ts';
import './costs.css';
import './costs.i18n.ts';

export function BreakdownTable(props: {
  label: string;
  keyHeader: string;
  slices: CostSlice[];
  totalUsd: number;
  /** How a key reads (null = calls without an agent). */
  name: (key: string | null) => string;
}) {
  const { t } = useTranslation('costs');
  const items = props.slices.map((s) => ({ ...s, id: s.key ?? '∅' }));
  return (
    <DataTable
      label={props.label}
      columns={[props.keyHeader, t('callsHeader'), t('tokens'), t('cost')]}
      items={items}
      row={(s) => {
        const share = props.totalUsd > 0 ? (s.costUsd / props.totalUsd) * 100 : 0;
        return (
          <>
            <td>{props.name(s.key)}</td>
            <td className="num">{formatNumber(s.calls)}</td>
            <td
              className="num"
              title={t('tokensDetail', {
                input: formatNumber(s.inputTokens),
                output: formatNumber(s.outputTokens),
                write: formatNumber(s.cacheWriteTokens),
                read: formatNumber(s.cacheReadTokens),
              })}
            >
              {formatTokens(s.inputTokens + s.outputTokens + s.cacheWriteTokens + s.cacheReadTokens)}
            </td>
            <td className="num">
              {formatUsd(s.costUsd)}
              <div className="muted small">
                <span className="share" aria-hidden="true">
                  <span style={{ width: `${share}%` }} />
                </span>
                {formatPercent(share)}
              </div>
            </td>
          </>
        );
      }}
    />
  );
}
