// Where the account is signed in: device, IP and last activity per session, with revoking one or
// all the others. Revoking is refused while impersonating, so those buttons are disabled then.
import type { SessionInfo } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, EmptyState, ErrorState, FormError, Loading, Notice } from '../../ui/ui.tsx';
import { describeUserAgent } from './user-agent.ts';
import './account.i18n.ts';

export function SessionsCard() {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const blocked = useImpersonating() !== null;
  const blockedTitle = blocked ? t('common:blockedWhileImpersonating') : undefined;
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() });
  const revoke = useMutation(trpc.auth.revokeSession.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(trpc.auth.revokeOtherSessions.mutationOptions({ onSuccess: refresh }));
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  const device = (s: SessionInfo) => {
    const { browser, os } = describeUserAgent(s.userAgent);
    if (browser && os) return t('sessions.deviceOn', { browser, os });
    return browser ?? os ?? t('sessions.unknownDevice');
  };

  let body: ReactNode;
  if (sessions.isPending) body = <Loading />;
  else if (sessions.isError)
    body = <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  else if (sessions.data.length === 0) body = <EmptyState title={t('common:nothingHere')} />;
  else
    body = (
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sessions.device')}</th>
              <th scope="col">{t('sessions.ip')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sessions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td title={s.userAgent ?? undefined}>
                  {device(s)} {s.current && <span className="tag tag-ok">{t('sessions.thisSession')}</span>}
                </td>
                <td>{s.ip ?? t('sessions.unknownIp')}</td>
                <td>{formatDateTime(s.lastSeenAt)}</td>
                <td>{formatDateTime(s.createdAt)}</td>
                <td>
                  {!s.current && (
                    <Button
                      variant="secondary"
                      aria-label={t('sessions.revokeLabel', { device: device(s) })}
                      title={blockedTitle}
                      disabled={blocked || revoke.isPending}
                      onClick={() => revoke.mutate({ id: s.id })}
                    >
                      {t('sessions.revoke')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <Card
      title={t('sessions.title')}
      actions={
        <Button
          variant="secondary"
          title={blockedTitle}
          disabled={blocked || others === 0 || revokeOthers.isPending}
          onClick={() => revokeOthers.mutate()}
        >
          {t('sessions.revokeOthers')}
        </Button>
      }
    >
      {revokeOthers.isSuccess && (
        <Notice tone="success">{t('sessions.revokedOthers', { count: revokeOthers.data.revoked })}</Notice>
      )}
      <FormError error={revoke.error ?? revokeOthers.error} />
      {body}
    </Card>
  );
}
