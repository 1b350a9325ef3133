// /w/:tenantId/bots — the workspace's bots: add (QR-linked or Cloud API), rename, delete, and the
// way to each bot's number page.
import type { BotDto } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import '../team/team.i18n.ts';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { botAbilities } from './bot-abilities.ts';
import { BotNameDialog } from './bot-name.dialog.tsx';
import { botHomeTab } from './bot-tabs.ts';
import { BotsTable } from './bots.table.tsx';
import { GuardedButton } from './guarded-button.tsx';
import './bots.i18n.ts';

type Dialog = { kind: 'create' } | { kind: 'rename' | 'delete'; bot: BotDto } | null;

/** Link states change on the host; the list refreshes now and then, the bot's page live. */
const REFRESH_MS = 15_000;

export function BotsPage() {
  const { t } = useTranslation('bots');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { tenantId, role } = useCurrentWorkspace();
  const abilities = botAbilities(role, useImpersonating() !== null);
  const bots = useQuery({ ...trpc.bots.list.queryOptions(), refetchInterval: REFRESH_MS });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const remove = useMutation(
    trpc.bots.delete.mutationOptions({
      onSuccess: async () => {
        close();
        await queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
      },
    }),
  );

  const addButton = (label: string) => (
    <GuardedButton blocked={abilities.manage} onClick={() => setDialog({ kind: 'create' })}>
      {label}
    </GuardedButton>
  );

  let body: ReactNode;
  if (bots.isPending) body = <Loading />;
  else if (bots.isError) body = <ErrorState error={bots.error} onRetry={() => void bots.refetch()} />;
  else if (bots.data.length === 0)
    body = (
      <EmptyState title={t('emptyTitle')}>
        <p>{t('emptyText')}</p>
        {addButton(t('createFirst'))}
      </EmptyState>
    );
  else
    body = (
      <BotsTable
        bots={bots.data}
        tenantId={tenantId}
        abilities={abilities}
        onRename={(bot) => setDialog({ kind: 'rename', bot })}
        onDelete={(bot) => {
          remove.reset();
          setDialog({ kind: 'delete', bot });
        }}
      />
    );

  const target = dialog && dialog.kind !== 'create' ? dialog.bot : null;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={addButton(t('add'))} />
      {abilities.manage === 'role' && role && (
        <Notice tone="warning">{t('cannotManage', { role: t(`team:roles.${role}`) })}</Notice>
      )}
      <Card>{body}</Card>
      <BotNameDialog
        open={dialog?.kind === 'create' || dialog?.kind === 'rename'}
        bot={dialog?.kind === 'rename' ? dialog.bot : null}
        onClose={close}
        onSaved={(bot) => {
          // A new bot's next step is linking its number (QR) or filling in its Cloud API settings.
          if (dialog?.kind === 'create')
            void navigate(`/w/${tenantId}/bots/${bot.id}/${botHomeTab(bot.channel)}`);
          close();
        }}
      />
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title={t('deleteTitle')}
        confirmLabel={t('delete')}
        onConfirm={() => target && remove.mutate({ botId: target.id })}
        onClose={close}
        pending={remove.isPending}
        error={remove.error}
      >
        <p>{t('deleteConfirm', { name: target?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
