// /w/:tenantId/settings — rename the workspace; the owner can delete it (never while impersonating).
import { can, ZRenameWorkspaceInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, FormError, Loading, Notice, PageHeader, TextField } from '../../ui/ui.tsx';
import { DeleteWorkspaceCard } from './delete-workspace.card.tsx';
import './workspace.i18n.ts';

export function SettingsPage() {
  const { t } = useTranslation('workspace');
  const { tenantId, workspace, role } = useCurrentWorkspace();
  const impersonating = useImpersonating() !== null;
  if (!workspace || !role) return <Loading />;
  return (
    <>
      <PageHeader title={t('settingsTitle')} />
      {/* Keyed by workspace so the form starts from the right name after switching workspaces. */}
      <RenameCard key={tenantId} name={workspace.name} allowed={can(role, 'workspace.rename')} />
      <DeleteWorkspaceCard
        name={workspace.name}
        isOwner={can(role, 'workspace.delete')}
        impersonating={impersonating}
      />
    </>
  );
}

function RenameCard({ name, allowed }: { name: string; allowed: boolean }) {
  const { t } = useTranslation('workspace');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(ZRenameWorkspaceInput), defaultValues: { name } });
  const rename = useMutation(
    trpc.tenant.rename.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tenant.get.queryKey() }),
        ]);
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );

  return (
    <Card title={t('renameTitle')}>
      {!allowed && <Notice tone="warning">{t('renameForbidden')}</Notice>}
      <form
        noValidate
        onSubmit={form.handleSubmit((values) => {
          setSaved(false);
          rename.mutate(values);
        })}
      >
        <TextField
          label={t('name')}
          disabled={!allowed}
          error={form.formState.errors.name?.message}
          {...form.register('name')}
        />
        <FormError error={rename.error && !form.formState.errors.name ? rename.error : null} />
        {saved && <Notice tone="success">{t('renamed')}</Notice>}
        <Button
          type="submit"
          disabled={!allowed || rename.isPending}
          title={allowed ? undefined : t('renameForbidden')}
        >
          {t('rename')}
        </Button>
      </form>
    </Card>
  );
}
