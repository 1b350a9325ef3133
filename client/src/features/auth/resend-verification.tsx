// "Confirm your e-mail" notice with a resend button, for login with an unconfirmed e-mail and the
// page after sign-up. The server answers the same whether or not the account exists.
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, Notice } from '../../ui/ui.tsx';
import './auth.i18n.ts';

export function ResendVerification({ email, text }: { email: string; text?: string }) {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions());
  return (
    <Notice tone="warning">
      <p>{text ?? t('unverified.text')}</p>
      {resend.isSuccess ? (
        <p>
          <strong>{t('unverified.resent', { email })}</strong>
        </p>
      ) : (
        <Button
          variant="secondary"
          onClick={() => resend.mutate({ email })}
          disabled={resend.isPending || !email}
        >
          {t('unverified.resend')}
        </Button>
      )}
      <FormError error={resend.error} />
    </Notice>
  );
}
