// /staff/providers — the platform's provider pool: priority, health (breaker state, spend limit,
// last failure, last 24 h), the secret's hint only; create, edit, delete, and a one-token test call.
import type { ProviderDto } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, EmptyState, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import '../costs/costs.css';
import { formatLatency } from '../costs/money.ts';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { Modal } from '../workspace/modal.tsx';
import { ProviderForm } from './provider.form.tsx';
import { ProvidersTable } from './providers.table.tsx';
import './providers.i18n.ts';

type Editing = { provider: ProviderDto | null } | null;

export function StaffProvidersPage() {
  const { t } = useTranslation('providers');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const providers = useQuery(trpc.providers.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ProviderDto | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.providers.list.queryKey() });
  const remove = useMutation(
    trpc.providers.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
    }),
  );
  const test = useMutation(trpc.providers.test.mutationOptions({ onSettled: refresh }));
  const tested = providers.data?.find((p) => p.id === test.variables?.id);

  let body: ReactNode;
  if (providers.isPending) body = <Loading />;
  else if (providers.isError)
    body = <ErrorState error={providers.error} onRetry={() => providers.refetch()} />;
  else if (providers.data.length === 0) body = <EmptyState title={t('empty')} />;
  else
    body = (
      <ProvidersTable
        providers={providers.data}
        testing={test.isPending ? (test.variables?.id ?? null) : null}
        onTest={(p) => test.mutate({ id: p.id })}
        onEdit={(p) => setEditing({ provider: p })}
        onDelete={(p) => {
          remove.reset();
          setDeleting(p);
        }}
      />
    );

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<Button onClick={() => setEditing({ provider: null })}>{t('add')}</Button>}
      />
      <Card>
        {tested && test.isPending && <Notice>{t('testing', { name: tested.name })}</Notice>}
        {tested && test.data && (
          <Notice tone={test.data.ok ? 'success' : 'warning'}>
            {test.data.ok
              ? t('testOk', { name: tested.name, latency: formatLatency(test.data.latencyMs) })
              : t('testFailed', {
                  name: tested.name,
                  latency: formatLatency(test.data.latencyMs),
                  what: [test.data.status, test.data.errorType, test.data.message]
                    .filter(Boolean)
                    .join(' · '),
                })}
            {test.data.requestId && (
              <span className="muted small"> ({t('requestId', { id: test.data.requestId })})</span>
            )}
          </Notice>
        )}
        {test.error && <ErrorState error={test.error} />}
        {body}
      </Card>
      <Modal
        open={editing !== null}
        title={editing?.provider ? t('editTitle') : t('createTitle')}
        onClose={() => setEditing(null)}
      >
        {editing && <ProviderForm provider={editing.provider} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmDialog
        open={deleting !== null}
        title={t('deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('delete')}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
        onClose={() => setDeleting(null)}
        pending={remove.isPending}
        error={remove.error}
      >
        <p>{t('deleteBody')}</p>
      </ConfirmDialog>
    </>
  );
}
