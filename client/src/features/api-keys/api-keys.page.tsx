// /w/:tenantId/api-keys — the workspace's keys for POST /v1/messages (permission apiKeys.manage):
// how to use them, create (shown once), list and revoke. Creating and revoking are refused while
// impersonating, so those controls are disabled then, with the reason.
import type { ApiKeyDto } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useCan, useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button, Card, EmptyState, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import '../costs/costs.css';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { CreateKeyForm } from './create-key.form.tsx';
import './api-keys.i18n.ts';

export function ApiKeysPage() {
  const { t } = useTranslation('apiKeys');
  const { role } = useCurrentWorkspace();
  const allowed = useCan('apiKeys.manage');
  const impersonating = useImpersonating() !== null;
  if (!role) return <Loading />;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {!allowed ? (
        <Notice tone="warning">{t('noPermission')}</Notice>
      ) : (
        <>
          {impersonating && <Notice tone="warning">{t('blockedNotice')}</Notice>}
          <HowToCard />
          <Card title={t('createTitle')}>
            <CreateKeyForm
              disabled={impersonating}
              disabledReason={impersonating ? t('common:blockedWhileImpersonating') : undefined}
            />
          </Card>
          <KeysCard impersonating={impersonating} />
        </>
      )}
    </>
  );
}

function HowToCard() {
  const { t } = useTranslation('apiKeys');
  const origin = window.location.origin;
  return (
    <Card title={t('howTitle')}>
      <p>{t('howText')}</p>
      <p>
        {t('baseUrl')}: <code>{origin}</code>
      </p>
      <pre className="code-sample">
        {`import Anthropic from '@anthropic-ai/sdk';\n\nconst client = new Anthropic({ baseURL: '${origin}', apiKey: process.env.COLMEIA_API_KEY });`}
      </pre>
    </Card>
  );
}

function KeysCard({ impersonating }: { impersonating: boolean }) {
  const { t } = useTranslation('apiKeys');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.gateway.apiKeys.list.queryOptions());
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);
  const revoke = useMutation(
    trpc.gateway.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await queryClient.invalidateQueries({ queryKey: trpc.gateway.apiKeys.list.queryKey() });
      },
    }),
  );
  const why = impersonating ? t('common:blockedWhileImpersonating') : undefined;

  let body: ReactNode;
  if (keys.isPending) body = <Loading />;
  else if (keys.isError) body = <ErrorState error={keys.error} onRetry={() => keys.refetch()} />;
  else if (keys.data.length === 0) body = <EmptyState title={t('empty')} />;
  else
    body = (
      <DataTable
        label={t('table')}
        columns={[t('name'), t('key'), t('created'), t('lastUsed'), t('status'), t('actions')]}
        items={keys.data}
        row={(k) => (
          <>
            <td>{k.name}</td>
            <td>
              <code>
                {k.prefix}…{k.last4}
              </code>
            </td>
            <td>
              <time dateTime={k.createdAt}>{formatDate(k.createdAt)}</time>
              {k.createdByEmail && (
                <div className="muted small">{t('createdBy', { email: k.createdByEmail })}</div>
              )}
            </td>
            <td>
              {k.lastUsedAt ? (
                <time dateTime={k.lastUsedAt}>{formatDateTime(k.lastUsedAt)}</time>
              ) : (
                t('never')
              )}
            </td>
            <td>
              {k.revokedAt ? (
                <span className="badge">{t('revoked', { date: formatDate(k.revokedAt) })}</span>
              ) : (
                <span className="badge badge-ok">{t('active')}</span>
              )}
            </td>
            <td>
              {!k.revokedAt && (
                <Button
                  variant="danger"
                  disabled={impersonating}
                  title={why}
                  aria-label={t('revokeKey', { name: k.name })}
                  onClick={() => {
                    revoke.reset();
                    setRevoking(k);
                  }}
                >
                  {t('revoke')}
                </Button>
              )}
            </td>
          </>
        )}
      />
    );

  return (
    <Card title={t('listTitle')}>
      {body}
      <ConfirmDialog
        open={revoking !== null}
        title={t('revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('revokeConfirm')}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        onClose={() => setRevoking(null)}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <p>{t('revokeBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
