// The two tabs of the costs area (spend, budget and alerts) and the month picker of the spend tab.
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { SelectField } from '../../ui/ui.tsx';
import { monthLabel, recentMonths } from './period.ts';
import './costs.css';
import './costs.i18n.ts';

export function CostsTabs({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('costs');
  return (
    <nav className="tabs" aria-label={t('sections')}>
      <NavLink to={`/w/${tenantId}/costs`} end>
        {t('tabCosts')}
      </NavLink>
      <NavLink to={`/w/${tenantId}/costs/budget`}>{t('tabBudget')}</NavLink>
    </nav>
  );
}

export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t, i18n } = useTranslation('costs');
  const months = recentMonths(new Date());
  if (!months.includes(value)) months.push(value);
  return (
    <div className="month-picker">
      <SelectField label={t('month')} value={value} onChange={(e) => onChange(e.target.value)}>
        {months.map((month) => (
          <option key={month} value={month}>
            {monthLabel(month, i18n.language)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
