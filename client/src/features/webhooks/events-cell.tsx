// An endpoint's subscriptions as a short list of tags ("All events" for '*').
import { useTranslation } from 'react-i18next';
import { subscribesToAll } from './webhook-logic.ts';
import './webhooks.i18n.ts';

export function EventsCell({ events }: { events: string[] }) {
  const { t } = useTranslation('webhooks');
  if (subscribesToAll(events)) return <span className="tag">{t('allEvents')}</span>;
  return (
    <ul className="webhook-tags">
      {events.map((type) => (
        <li key={type} className="tag" title={type}>
          {t(`eventNames.${type}`, { defaultValue: type })}
        </li>
      ))}
    </ul>
  );
}
