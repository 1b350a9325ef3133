// /w/:tenantId/bots/:botId/versions — every saved configuration, newest first, with who saved it,
// what changed and a one-click restore (which itself becomes a new version).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, Loading, Notice } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { VersionItem } from './version.item.tsx';
import './bot-config.css';
import './bot-config.i18n.ts';

export function VersionsPage() {
  const { t } = useTranslation('botConfig');
  const { botId = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan('bots.manage');
  const versions = useQuery(trpc.botConfig.versions.queryOptions({ botId }));
  const [target, setTarget] = useState<number | null>(null);
  const [restored, setRestored] = useState<{ from: number; to: number } | null>(null);
  const restore = useMutation(
    trpc.botConfig.restore.mutationOptions({
      onSuccess: async (state, input) => {
        setTarget(null);
        setRestored({ from: input.version, to: state.version });
        queryClient.setQueryData(trpc.botConfig.get.queryKey({ botId }), state);
        await queryClient.invalidateQueries({ queryKey: trpc.botConfig.versions.queryKey({ botId }) });
      },
    }),
  );

  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  const latest = versions.data[0]?.version;
  return (
    <>
      {restored && <Notice tone="success">{t('restored', restored)}</Notice>}
      {!canManage && <Notice tone="warning">{t('cannotRestore')}</Notice>}
      <Card title={t('versionsTitle')}>
        <p className="muted">{t('versionsText')}</p>
        {versions.data.length === 0 ? (
          <EmptyState title={t('noVersions')} />
        ) : (
          <ol className="versions" aria-label={t('versionsTitle')}>
            {versions.data.map((v) => (
              <VersionItem
                key={v.version}
                version={v}
                current={v.version === latest}
                canRestore={canManage}
                onRestore={() => {
                  restore.reset();
                  setTarget(v.version);
                }}
              />
            ))}
          </ol>
        )}
      </Card>
      <ConfirmDialog
        open={target !== null}
        title={t('restoreTitle')}
        confirmLabel={t('restoreConfirmButton')}
        onConfirm={() => target !== null && restore.mutate({ botId, version: target })}
        onClose={() => setTarget(null)}
        pending={restore.isPending}
        error={restore.error}
      >
        <p>{t('restoreConfirm', { version: target ?? 0 })}</p>
      </ConfirmDialog>
    </>
  );
}
