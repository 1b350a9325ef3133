// Workspace sections that later issues build (analytics, billing). Until then
// the page says honestly what will live here instead of pretending with fake data.
import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader } from '../../ui/ui.tsx';
import './layout.i18n.ts';

export type PlaceholderSection = 'analytics' | 'billing';

export function PlaceholderPage({ section }: { section: PlaceholderSection }) {
  const { t } = useTranslation('layout');
  return (
    <>
      <PageHeader title={t(`placeholder.${section}.title`)} />
      <EmptyState title={t('comingSoon', { what: t(`placeholder.${section}.what`) })}>
        {t(`placeholder.${section}.text`)}
      </EmptyState>
    </>
  );
}
