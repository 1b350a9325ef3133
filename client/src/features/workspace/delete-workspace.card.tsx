// The danger zone: the owner deletes the workspace after typing its exact name.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionChanged } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, FormError, TextField } from '../../ui/ui.tsx';
import './workspace.css';
import './workspace.i18n.ts';

export function DeleteWorkspaceCard({
  name,
  isOwner,
  impersonating,
}: {
  name: string;
  isOwner: boolean;
  impersonating: boolean;
}) {
  const { t } = useTranslation('workspace');
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const [typed, setTyped] = useState('');
  // Leaving the workspace behind: forget its cached data and go wherever home now is.
  const remove = useMutation(trpc.tenant.delete.mutationOptions({ onSuccess: () => sessionChanged('/') }));
  const allowed = isOwner && !impersonating;
  const why = impersonating
    ? t('common:blockedWhileImpersonating')
    : isOwner
      ? undefined
      : t('deleteOwnerOnly');
  const matches = typed.trim() === name.trim();

  return (
    <div className="danger-zone-wrap">
      <Card title={t('dangerZone')}>
        <h3>{t('deleteTitle')}</h3>
        <p>{t('deleteBody')}</p>
        {why && <p className="muted">{why}</p>}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (allowed && matches) remove.mutate({ confirmName: typed.trim() });
          }}
        >
          <TextField
            label={t('deleteConfirmLabel')}
            value={typed}
            disabled={!allowed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
            hint={name}
          />
          <FormError error={remove.error} />
          <Button
            type="submit"
            variant="danger"
            disabled={!allowed || !matches || remove.isPending}
            title={why}
          >
            {t('deleteButton')}
          </Button>
        </form>
      </Card>
    </div>
  );
}
