// /impersonate?token=…: the staff console's single-use handoff link. Redeeming it opens an
// impersonation session beside the staff login; then the user's workspace opens.
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useMe, useSessionChanged } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading } from '../../ui/ui.tsx';
import { AuthCard } from '../auth/auth-card.tsx';
import { loginPath } from '../layout/require-auth.tsx';
import './impersonation.i18n.ts';

export function ImpersonatePage() {
  const { t } = useTranslation('impersonation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const location = useLocation();
  const me = useMe();
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const redeem = useMutation(
    trpc.impersonation.redeem.mutationOptions({
      onSuccess: ({ tenantId }) => sessionChanged(`/w/${tenantId}/overview`, { tenantId }),
    }),
  );
  const { mutate } = redeem;
  const signedIn = Boolean(me.data?.user);
  // The token works once: the ref keeps StrictMode's second effect run from spending it twice.
  const started = useRef(false);
  useEffect(() => {
    if (!token || !signedIn || started.current) return;
    started.current = true;
    mutate({ token });
  }, [token, signedIn, mutate]);

  let body: ReactNode;
  if (!token) body = <ErrorState error={new Error(t('missingToken'))} />;
  else if (me.isPending) body = <Loading />;
  else if (me.isError) body = <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  else if (!signedIn)
    body = (
      <p>
        {t('loginFirst')} <Link to={loginPath(location)}>{t('login')}</Link>
      </p>
    );
  else if (redeem.isError) body = <ErrorState error={redeem.error} />;
  else body = <Loading label={t('redeeming')} />;

  return (
    <AuthCard title={redeem.isError || !token ? t('failedTitle') : t('redeemTitle')}>
      {body}
      {(redeem.isError || !token) && (
        <p>
          <Link to="/staff/tenants">{t('backToStaff')}</Link>
        </p>
      )}
    </AuthCard>
  );
}
