// Members of the current workspace: role changes, removal, ownership transfer and leaving.
import type { Role, WorkspaceMember } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionChanged } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, FormError, Loading } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import type { Viewer } from './member-abilities.ts';
import { MembersTable } from './members.table.tsx';
import './team.i18n.ts';

type Pending = { kind: 'remove' | 'transfer' | 'leave'; member: WorkspaceMember } | null;

export function MembersSection({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation('team');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessionChanged = useSessionChanged();
  const members = useQuery(trpc.member.list.queryOptions());
  const [pending, setPending] = useState<Pending>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() });
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
  const done = async () => {
    setPending(null);
    await Promise.all([refresh(), refreshMe()]);
  };

  const updateRole = useMutation(trpc.member.updateRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: done }));
  const transfer = useMutation(trpc.member.transferOwnership.mutationOptions({ onSuccess: done }));
  const leave = useMutation(trpc.member.leave.mutationOptions({ onSuccess: () => sessionChanged('/') }));
  const dialogMutation =
    pending?.kind === 'remove' ? remove : pending?.kind === 'transfer' ? transfer : leave;

  const onRoleChange = (member: WorkspaceMember, role: Role) => {
    if (role === 'owner') return;
    updateRole.mutate({ membershipId: member.id, role });
  };
  const onConfirm = () => {
    if (!pending) return;
    if (pending.kind === 'leave') leave.mutate({});
    else (pending.kind === 'remove' ? remove : transfer).mutate({ membershipId: pending.member.id });
  };
  const open = (kind: NonNullable<Pending>['kind']) => (member: WorkspaceMember) => {
    dialogMutation.reset();
    setPending({ kind, member });
  };

  let body: ReactNode;
  if (members.isPending) body = <Loading />;
  else if (members.isError) body = <ErrorState error={members.error} onRetry={() => members.refetch()} />;
  else if (members.data.length === 0) body = <EmptyState title={t('noMembers')} />;
  else
    body = (
      <MembersTable
        members={members.data}
        viewer={viewer}
        busy={updateRole.isPending}
        onRoleChange={onRoleChange}
        onRemove={open('remove')}
        onTransfer={open('transfer')}
        onLeave={open('leave')}
      />
    );

  const name = pending?.member.name ?? '';
  return (
    <Card title={t('members')}>
      <FormError error={updateRole.error} />
      {body}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'transfer'
            ? t('transferTitle')
            : pending?.kind === 'leave'
              ? t('leave')
              : t('remove')
        }
        confirmLabel={pending?.kind === 'transfer' ? t('transferConfirm', { name }) : t('common:confirm')}
        onConfirm={onConfirm}
        onClose={() => setPending(null)}
        pending={dialogMutation.isPending}
        error={dialogMutation.error}
      >
        {pending?.kind === 'transfer' && <p>{t('transferBody', { name })}</p>}
        {pending?.kind === 'remove' && <p>{t('removeConfirm', { name })}</p>}
        {pending?.kind === 'leave' && <p>{t('leaveConfirm')}</p>}
      </ConfirmDialog>
    </Card>
  );
}
