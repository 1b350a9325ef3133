import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, PageHeader } from '../../ui/ui.tsx';
import './layout.i18n.ts';

export function NotFoundPage() {
  const { t } = useTranslation('layout');
  return (
    <>
      <PageHeader title={t('notFoundTitle')} />
      <EmptyState title={t('notFoundText')}>
        <Link to="/">{t('goHome')}</Link>
      </EmptyState>
    </>
  );
}
