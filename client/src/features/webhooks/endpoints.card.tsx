// The workspace's endpoints: the table with enable/disable, edit, test, rotate and delete, and the
// dialogs they open. A secret (new endpoint, rotation) is shown once. Rotating and deleting are
// refused while impersonating, so those buttons are disabled then, with the reason.
import type { WebhookEndpointDto } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { SecretOnce } from '../../ui/secret-once.tsx';
import { Button, Card, EmptyState, ErrorState, FormError, Loading, Notice } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { Modal } from '../workspace/modal.tsx';
import { EndpointForm } from './endpoint.form.tsx';
import { EventsCell } from './events-cell.tsx';
import './webhooks.i18n.ts';

type Dialog =
  | { kind: 'form'; endpoint: WebhookEndpointDto | null }
  | { kind: 'rotate' | 'delete'; endpoint: WebhookEndpointDto }
  | { kind: 'secret'; url: string; secret: string }
  | null;

export function EndpointsCard({ impersonating }: { impersonating: boolean }) {
  const { t } = useTranslation('webhooks');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.webhooks.list.queryOptions());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const refreshDeliveries = () =>
    queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.list.pathKey() });
  const close = () => setDialog(null);
  // A native <dialog> reports its closing after the fact: when one dialog hands over to the next
  // (form → secret, rotate → secret), the first one's close must not close the second.
  const closeIf = (kind: NonNullable<Dialog>['kind']) => () =>
    setDialog((d) => (d?.kind === kind ? null : d));

  const toggle = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: refresh }));
  const sendTest = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess: async (_, input) => {
        const url = list.data?.find((e) => e.id === input.id)?.url ?? '';
        setNotice(t('testQueued', { url }));
        await refreshDeliveries();
      },
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: async (r) => {
        setDialog({ kind: 'secret', url: r.endpoint.url, secret: r.secret });
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.webhooks.delete.mutationOptions({
      onSuccess: async () => {
        close();
        await Promise.all([refresh(), refreshDeliveries()]);
      },
    }),
  );
  const blocked = impersonating ? t('common:blockedWhileImpersonating') : undefined;

  let body: ReactNode;
  if (list.isPending) body = <Loading />;
  else if (list.isError) body = <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  else if (list.data.length === 0) body = <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>;
  else
    body = (
      <DataTable
        label={t('table')}
        columns={[t('url'), t('events'), t('secret'), t('status'), t('actions')]}
        items={list.data}
        row={(e) => (
          <>
            <td className="break">
              <code>{e.url}</code>
              {e.description && <div>{e.description}</div>}
              <div className="muted small">
                <time dateTime={e.createdAt}>{formatDate(e.createdAt)}</time>
                {e.createdByEmail && ` · ${t('createdBy', { email: e.createdByEmail })}`}
              </div>
            </td>
            <td>
              <EventsCell events={e.events} />
            </td>
            <td>
              <code>{e.secretHint}</code>
            </td>
            <td>
              <span className={`badge ${e.enabled ? 'badge-ok' : ''}`}>
                {e.enabled ? t('enabled') : t('disabled')}
              </span>
            </td>
            <td>
              <div className="row-actions">
                <Button
                  variant="secondary"
                  aria-label={t('editNamed', { url: e.url })}
                  onClick={() => setDialog({ kind: 'form', endpoint: e })}
                >
                  {t('edit')}
                </Button>
                <Button
                  variant="secondary"
                  aria-label={t(e.enabled ? 'disableNamed' : 'enableNamed', { url: e.url })}
                  disabled={toggle.isPending}
                  onClick={() => toggle.mutate({ id: e.id, enabled: !e.enabled })}
                >
                  {e.enabled ? t('disable') : t('enable')}
                </Button>
                <Button
                  variant="secondary"
                  aria-label={t('sendTestNamed', { url: e.url })}
                  disabled={!e.enabled || sendTest.isPending}
                  title={e.enabled ? undefined : t('testDisabledHint')}
                  onClick={() => {
                    setNotice(null);
                    sendTest.mutate({ id: e.id });
                  }}
                >
                  {t('sendTest')}
                </Button>
                <Button
                  variant="secondary"
                  aria-label={t('rotateNamed', { url: e.url })}
                  disabled={impersonating}
                  title={blocked}
                  onClick={() => {
                    rotate.reset();
                    setDialog({ kind: 'rotate', endpoint: e });
                  }}
                >
                  {t('rotate')}
                </Button>
                <Button
                  variant="danger"
                  aria-label={t('deleteNamed', { url: e.url })}
                  disabled={impersonating}
                  title={blocked}
                  onClick={() => {
                    remove.reset();
                    setDialog({ kind: 'delete', endpoint: e });
                  }}
                >
                  {t('delete')}
                </Button>
              </div>
            </td>
          </>
        )}
      />
    );

  return (
    <Card
      title={t('endpointsTitle')}
      actions={<Button onClick={() => setDialog({ kind: 'form', endpoint: null })}>{t('add')}</Button>}
    >
      {notice && <Notice tone="success">{notice}</Notice>}
      <FormError error={toggle.error ?? sendTest.error} />
      {body}
      <Modal
        open={dialog?.kind === 'form'}
        title={dialog?.kind === 'form' && dialog.endpoint ? t('editTitle') : t('createTitle')}
        onClose={closeIf('form')}
      >
        {dialog?.kind === 'form' && (
          <EndpointForm
            endpoint={dialog.endpoint}
            onCancel={close}
            onSaved={(created) => setDialog(created ? { kind: 'secret', ...created } : null)}
          />
        )}
      </Modal>
      <Modal open={dialog?.kind === 'secret'} title={t('secretTitle')} onClose={closeIf('secret')}>
        {dialog?.kind === 'secret' && (
          <>
            <p className="break">
              <code>{dialog.url}</code>
            </p>
            <SecretOnce label={t('secretLabel')} secret={dialog.secret} warning={t('secretWarning')} />
            <div className="dialog-actions">
              <Button onClick={close}>{t('done')}</Button>
            </div>
          </>
        )}
      </Modal>
      <ConfirmDialog
        open={dialog?.kind === 'rotate'}
        title={t('rotateTitle', { url: dialog?.kind === 'rotate' ? dialog.endpoint.url : '' })}
        confirmLabel={t('rotate')}
        onConfirm={() => dialog?.kind === 'rotate' && rotate.mutate({ id: dialog.endpoint.id })}
        onClose={closeIf('rotate')}
        pending={rotate.isPending}
        error={rotate.error}
      >
        <p>{t('rotateBody')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title={t('deleteTitle', { url: dialog?.kind === 'delete' ? dialog.endpoint.url : '' })}
        confirmLabel={t('delete')}
        onConfirm={() => dialog?.kind === 'delete' && remove.mutate({ id: dialog.endpoint.id })}
        onClose={closeIf('delete')}
        pending={remove.isPending}
        error={remove.error}
      >
        <p>{t('deleteBody')}</p>
      </ConfirmDialog>
    </Card>
  );
}
