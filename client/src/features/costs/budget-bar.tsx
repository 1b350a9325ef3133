// The month's spend against the budget: a progress bar with a tick where each alert fires, the
// figures in words for screen readers (aria-valuetext), and the thresholds listed under it.
import { useTranslation } from 'react-i18next';
import { formatPercent, formatUsd } from './money.ts';
import { budgetProgress } from './period.ts';
import './costs.css';
import './costs.i18n.ts';

export function BudgetBar(props: { spentUsd: number; limitUsd: number; thresholdsPercent: number[] }) {
  const { t, i18n } = useTranslation('costs');
  const p = budgetProgress(props.spentUsd, props.limitUsd, props.thresholdsPercent);
  const text = t('budgetOf', {
    spent: formatUsd(props.spentUsd),
    limit: formatUsd(props.limitUsd),
    percent: formatPercent(p.usedPercent),
  });
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    p.marks.map((m) => formatPercent(m.left)),
  );
  return (
    <div>
      <div
        className="budget-bar"
        role="progressbar"
        aria-label={t('budgetBar')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(p.barPercent)}
        aria-valuetext={text}
      >
        <div className={`budget-fill level-${p.level}`} style={{ width: `${p.barPercent}%` }} />
        {p.marks.map((m) => (
          <span
            key={m.left}
            className="budget-mark"
            style={{ left: `${m.at}%` }}
            title={t('budgetMark', { percent: formatPercent(m.left) })}
          />
        ))}
      </div>
      <p>{text}</p>
      <p className="muted small">{t('budgetMarks', { list })}</p>
    </div>
  );
}
