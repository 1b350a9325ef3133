// The conversation list's filters: bot, channel, takeover state and a search over names, numbers
// and message text. Applying writes them to the URL.
import type { BotDto } from '@colmeia/shared';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, SelectField, TextField } from '../../ui/ui.tsx';
import type { ConversationFilters } from './filters.ts';
import '../workspace/workspace.css';
import './conversations.i18n.ts';

export function FiltersForm(props: {
  value: ConversationFilters;
  bots: BotDto[];
  onApply: (filters: ConversationFilters) => void;
}) {
  const { t } = useTranslation('conversations');
  const form = useForm<ConversationFilters>({ values: props.value });
  return (
    <form
      noValidate
      aria-label={t('list.filters')}
      className="filters"
      onSubmit={form.handleSubmit(props.onApply)}
    >
      <TextField
        label={t('list.search')}
        type="search"
        autoComplete="off"
        maxLength={100}
        {...form.register('q')}
      />
      <SelectField label={t('list.bot')} {...form.register('bot')}>
        <option value="">{t('list.allBots')}</option>
        {props.bots.map((bot) => (
          <option key={bot.id} value={bot.id}>
            {bot.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('list.channel')} {...form.register('channel')}>
        <option value="">{t('list.allChannels')}</option>
        {(['web', 'cloud', 'sandbox'] as const).map((c) => (
          <option key={c} value={c}>
            {t(`channel.${c}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('list.takeover')} {...form.register('paused')}>
        <option value="">{t('list.anyState')}</option>
        <option value="yes">{t('list.pausedOnly')}</option>
        <option value="no">{t('list.activeOnly')}</option>
      </SelectField>
      <div className="filter-actions">
        <Button type="submit">{t('list.apply')}</Button>
      </div>
    </form>
  );
}
