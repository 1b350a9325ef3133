// The red bar on every page while a staff member acts as a tenant user: who, as whom, why, how long
// is left, and the way out. At 00:00 the server has ended the session; `me` is reloaded to show it.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeImpersonation } from '../../lib/session.ts';
import { useMe, useSessionChanged } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { errorReason } from '../../ui/messages.ts';
import { Button, FormError } from '../../ui/ui.tsx';
import { formatCountdown, useCountdown } from './countdown.ts';
import './impersonation.i18n.ts';

/** How often to ask again when the server still runs the session after the browser's 00:00. */
const RECHECK_MS = 2_000;

export function ImpersonationBanner({
  impersonation,
  userEmail,
}: {
  impersonation: MeImpersonation;
  userEmail: string;
}) {
  const { t } = useTranslation('impersonation');
  const trpc = useTRPC();
  const me = useMe();
  const sessionChanged = useSessionChanged();
  const exit = useMutation(
    trpc.impersonation.exit.mutationOptions({
      onSuccess: () => sessionChanged('/staff/tenants'),
      // Already over (expired meanwhile): the staff login is back, so leave as if exiting.
      onError: (error) => {
        if (errorReason(error) === 'impersonation.not_active') void sessionChanged('/staff/tenants');
      },
    }),
  );
  const mounted = useRef(true);
  const recheck = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(recheck.current);
    };
  }, []);
  const left = useCountdown(impersonation.expiresAt, async function ended() {
    const { data } = await me.refetch();
    // This browser's clock may run ahead of the server's: until the server has ended the session
    // too, keep asking, or the banner would sit at 00:00 while the API already refuses the pages.
    if (data?.impersonation) {
      if (mounted.current) recheck.current = setTimeout(ended, RECHECK_MS);
    } else if (data?.user) {
      // Back to the staff member's own login: their console, not the user's workspace.
      await sessionChanged(data.user.isStaff ? '/staff/tenants' : '/');
    }
  });
  return (
    <section className="impersonation-banner" aria-label={t('region')}>
      <div className="impersonation-text">
        <strong>{t('actingAs', { staff: impersonation.staffName, email: userEmail })}</strong>
        <span>{t('reason', { reason: impersonation.reason })}</span>
        {impersonation.ticket && <span>{t('ticket', { ticket: impersonation.ticket })}</span>}
      </div>
      <div className="impersonation-actions">
        <span>
          {t('timeLeft')}:{' '}
          <time
            role="timer"
            aria-label={t('timeLeft')}
            dateTime={impersonation.expiresAt}
            className="countdown"
          >
            {formatCountdown(left)}
          </time>
        </span>
        <Button variant="secondary" onClick={() => exit.mutate()} disabled={exit.isPending}>
          {t('exit')}
        </Button>
        <FormError error={exit.error} />
      </div>
    </section>
  );
}
