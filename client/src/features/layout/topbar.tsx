// The bar above every signed-in page: workspace switcher, language and the account menu.
import type { Me } from '@colmeia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { setCurrentTenantId, useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, SelectField } from '../../ui/ui.tsx';
import { LanguageSelect } from './language-select.tsx';
import './layout.i18n.ts';

const NEW_WORKSPACE = '__new';

export function Topbar({ me, workspaceId }: { me: Me; workspaceId: string | null }) {
  const { t } = useTranslation('layout');
  const navigate = useNavigate();
  return (
    <header className="topbar">
      <div className="topbar-group">
        {me.workspaces.length > 0 && (
          <SelectField
            label={t('workspace')}
            value={workspaceId ?? ''}
            onChange={(e) => {
              const id = e.target.value;
              void navigate(id === NEW_WORKSPACE ? '/workspaces/new' : `/w/${id}/overview`);
            }}
          >
            {!workspaceId && <option value="" disabled />}
            {me.workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
            {!me.impersonation && <option value={NEW_WORKSPACE}>{t('newWorkspaceOption')}</option>}
          </SelectField>
        )}
      </div>
      <div className="topbar-group">
        <LanguageSelect hideLabel />
        <AccountMenu me={me} />
      </div>
    </header>
  );
}

function AccountMenu({ me }: { me: Me }) {
  const { t } = useTranslation('layout');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        // Nothing the signed-out browser should keep: no cached data, no workspace header.
        setCurrentTenantId(null);
        queryClient.clear();
        void navigate('/login', { replace: true });
      },
    }),
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group, not a form fieldset
    <div className="account-menu" role="group" aria-label={t('accountGroup')}>
      <span className="account-name" title={me.user?.email}>
        {me.user?.name}
      </span>
      <Link to="/account" className="btn btn-secondary">
        {t('myAccount')}
      </Link>
      <Button variant="secondary" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('logout')}
      </Button>
      <FormError error={logout.error} />
    </div>
  );
}
