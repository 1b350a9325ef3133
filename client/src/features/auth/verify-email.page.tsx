// /verify-email?token=…: confirms the address and logs the user in, then opens the app.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSessionChanged } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading } from '../../ui/ui.tsx';
import { AuthCard } from './auth-card.tsx';
import { useRedeemOnce } from './use-redeem-once.ts';
import './auth.i18n.ts';

export function VerifyEmailPage() {
  const { t } = useTranslation('auth');
  const token = useSearchParams()[0].get('token') ?? '';
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions({ onSuccess: () => sessionChanged('/') }));
  useRedeemOnce(token, verify.mutate);

  if (!token || verify.isError) {
    return (
      <AuthCard title={t('verify.failedTitle')}>
        <ErrorState error={token ? verify.error : new Error(t('missingToken'))} />
        <p className="muted">{t('verify.failedHint')}</p>
        <p>
          <Link to="/login">{t('backToLogin')}</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('verify.title')}>
      <Loading label={t('verify.verifying')} />
    </AuthCard>
  );
}
