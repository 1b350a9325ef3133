// /magic-link?token=…: logs in with the link from the e-mail, then opens the app.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSessionChanged } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading } from '../../ui/ui.tsx';
import { AuthCard } from './auth-card.tsx';
import { useRedeemOnce } from './use-redeem-once.ts';
import './auth.i18n.ts';

export function MagicLinkPage() {
  const { t } = useTranslation('auth');
  const token = useSearchParams()[0].get('token') ?? '';
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const redeem = useMutation(
    trpc.auth.redeemMagicLink.mutationOptions({ onSuccess: () => sessionChanged('/') }),
  );
  useRedeemOnce(token, redeem.mutate);

  if (!token || redeem.isError) {
    return (
      <AuthCard title={t('magic.failedTitle')}>
        <ErrorState error={token ? redeem.error : new Error(t('missingToken'))} />
        <p>
          <Link to="/login?mode=magic">{t('magic.again')}</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('magic.redeemTitle')}>
      <Loading label={t('magic.redeeming')} />
    </AuthCard>
  );
}
