// /workspaces/new — create a workspace, or join one through a pending invitation.
import { ZCreateWorkspaceInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyServerErrors } from '../../lib/forms.ts';
import { useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, FormError, PageHeader, TextField } from '../../ui/ui.tsx';
import { MyInvitations } from './my-invitations.tsx';
import './workspace.i18n.ts';

export function NewWorkspacePage() {
  const { t } = useTranslation('workspace');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const impersonating = useImpersonating() !== null;
  const form = useForm({ resolver: zodResolver(ZCreateWorkspaceInput), defaultValues: { name: '' } });
  const create = useMutation(
    trpc.tenant.create.mutationOptions({
      onSuccess: async (workspace) => {
        // The workspace guard reads auth.me, so it must know the new workspace before we go there.
        await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
        await navigate(`/w/${workspace.id}/overview`);
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );

  return (
    <>
      <PageHeader title={t('newTitle')} description={t('newDescription')} />
      <Card>
        <form noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
          <TextField
            label={t('name')}
            hint={t('nameHint')}
            autoComplete="organization"
            error={form.formState.errors.name?.message}
            {...form.register('name')}
          />
          <FormError error={create.error && !form.formState.errors.name ? create.error : null} />
          <Button
            type="submit"
            disabled={create.isPending || impersonating}
            title={impersonating ? t('common:blockedWhileImpersonating') : undefined}
          >
            {t('create')}
          </Button>
        </form>
      </Card>
      <MyInvitations />
    </>
  );
}
