// /invitations/accept?token=… — public: anyone with the e-mailed link sees what they were invited to.
// Logged out, it offers log in / sign up and brings them back here; logged in, accept or decline.
import type { InvitationPreview } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useMe, useSessionChanged } from '../../lib/session.ts';
import { apiError, useTRPC } from '../../lib/trpc.ts';
import { Button, ErrorState, FormError, Loading, Notice } from '../../ui/ui.tsx';
import { AuthCard } from '../auth/auth-card.tsx';
import { invitationProblem } from './invitation-problem.ts';
import './team.i18n.ts';

export function AcceptInvitationPage() {
  const { t } = useTranslation('team');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const trpc = useTRPC();
  const me = useMe();
  const preview = useQuery({
    ...trpc.invitation.preview.queryOptions({ token }),
    enabled: token.length >= 16,
  });

  let body: ReactNode;
  if (token.length < 16) body = <Notice tone="warning">{t('missingToken')}</Notice>;
  else if (preview.isPending || me.isPending) body = <Loading />;
  else if (preview.isError)
    body = isInvalidLink(preview.error) ? (
      <Notice tone="warning">{t('notFound')}</Notice>
    ) : (
      <ErrorState error={preview.error} onRetry={() => preview.refetch()} />
    );
  else
    body = (
      <InvitationCard
        token={token}
        preview={preview.data}
        currentEmail={me.data?.user?.email ?? null}
        impersonating={Boolean(me.data?.impersonation)}
      />
    );

  return <AuthCard title={t('acceptTitle')}>{body}</AuthCard>;
}

function isInvalidLink(error: unknown): boolean {
  const api = apiError(error);
  return api?.reason === 'invitation.invalid' || api?.code === 'NOT_FOUND' || api?.code === 'BAD_REQUEST';
}

function InvitationCard(props: {
  token: string;
  preview: InvitationPreview;
  currentEmail: string | null;
  impersonating: boolean;
}) {
  const { token, preview, currentEmail, impersonating } = props;
  const { t } = useTranslation('team');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [declined, setDeclined] = useState(false);
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: async ({ tenantId }) => {
        // The workspace guard reads auth.me, so load the new membership before going there.
        await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
        await navigate(`/w/${tenantId}/overview`, { replace: true });
      },
    }),
  );
  const decline = useMutation(
    trpc.invitation.decline.mutationOptions({ onSuccess: () => setDeclined(true) }),
  );
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const problem = invitationProblem({ preview, currentEmail, error: accept.error ?? decline.error });
  const busy = accept.isPending || decline.isPending || impersonating;
  const why = impersonating ? t('common:blockedWhileImpersonating') : undefined;

  return (
    <div>
      <p>{t('invitedTo', { workspace: preview.workspaceName })}</p>
      {preview.inviterName && <p>{t('invitedBy', { name: preview.inviterName })}</p>}
      <p>{t('invitedAs', { role: t(`roles.${preview.role}`) })}</p>
      <p className="muted">{t('invitedEmail', { email: preview.email })}</p>
      {preview.status === 'pending' && (
        <p className="muted">{t('expiresOn', { date: formatDateTime(preview.expiresAt) })}</p>
      )}

      {declined ? (
        <Notice tone="info">{t('declined')}</Notice>
      ) : problem ? (
        <>
          <Notice tone="warning">{t(problem.key, problem.values ?? {})}</Notice>
          {currentEmail && problem.key.startsWith('wrongAccount') && <SwitchAccount here={here} />}
        </>
      ) : currentEmail === null ? (
        <>
          <p>{t('loggedOutHint')}</p>
          <div className="dialog-actions">
            <Link className="btn btn-secondary" to={`/signup?next=${encodeURIComponent(here)}`}>
              {t('signup')}
            </Link>
            <Link className="btn btn-primary" to={`/login?next=${encodeURIComponent(here)}`}>
              {t('login')}
            </Link>
          </div>
        </>
      ) : (
        <div className="dialog-actions">
          <Button variant="secondary" disabled={busy} title={why} onClick={() => decline.mutate({ token })}>
            {t('decline')}
          </Button>
          <Button disabled={busy} title={why} onClick={() => accept.mutate({ token })}>
            {t('accept')}
          </Button>
        </div>
      )}
      {!problem && <FormError error={accept.error ?? decline.error} />}
      {(declined || problem) && (
        <p>
          <Link to="/">{t('goHome')}</Link>
        </p>
      )}
    </div>
  );
}

/** Logged in with the wrong account: log out and come back here as a visitor. */
function SwitchAccount({ here }: { here: string }) {
  const { t } = useTranslation('team');
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const logout = useMutation(trpc.auth.logout.mutationOptions({ onSuccess: () => sessionChanged(here) }));
  return (
    <>
      <Button variant="secondary" disabled={logout.isPending} onClick={() => logout.mutate()}>
        {t('switchAccount')}
      </Button>
      <FormError error={logout.error} />
    </>
  );
}
