// Shown when a screen throws while rendering: a readable message and a way out, not a blank page.
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorState } from '../../ui/ui.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import './layout.i18n.ts';

export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { t } = useTranslation('layout');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className={standalone ? 'auth-page' : undefined}>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
      <p className="center">
        <Link to="/">{t('goHome')}</Link>
      </p>
    </div>
  );
}
