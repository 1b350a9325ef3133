// Cost per day as a bar chart (recharts, see docs/adr/0006-charts.md). Loaded lazily: the chart
// library stays out of the bundle of every other screen. The same figures are in the tables below,
// so the figure has a text name and the bars are not the only way to read them.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUsd, formatUsdShort } from './money.ts';
import type { DayPoint } from './period.ts';
import './costs.css';
import './costs.i18n.ts';

export default function CostChart({ points, label }: { points: DayPoint[]; label: string }) {
  const { t } = useTranslation('costs');
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e2dc" />
          <XAxis dataKey="day" tickLine={false} interval="preserveStartEnd" />
          <YAxis tickFormatter={(v: number) => formatUsdShort(v)} width={96} tickLine={false} />
          <Tooltip
            formatter={(value) => [formatUsd(Number(value)), t('cost')]}
            labelFormatter={(day) => t('dayTooltip', { day })}
          />
          {/* No grow-in animation: the figures are the point, and screenshots and tests see them at once. */}
          <Bar
            dataKey="costUsd"
            name={t('cost')}
            fill="#e0a100"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
