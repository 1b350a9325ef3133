// The signed-in shell: sidebar, top bar, the impersonation banner and the page. Rendered inside
// RequireAuth, so `me.user` is always present here.
import { useTranslation } from 'react-i18next';
import { Outlet, useMatch } from 'react-router';
import { useMe } from '../../lib/session.ts';
import { getCurrentTenantId } from '../../lib/trpc.ts';
import { Loading } from '../../ui/ui.tsx';
import { ImpersonationBanner } from '../impersonation/impersonation-banner.tsx';
import { Sidebar } from './sidebar.tsx';
import { Topbar } from './topbar.tsx';
import './layout.i18n.ts';

export function AppLayout() {
  const { t } = useTranslation('layout');
  const { data: me } = useMe();
  // The layout sits above /w/:tenantId, so the workspace comes from matching the URL, not useParams.
  const match = useMatch('/w/:tenantId/*');
  if (!me?.user) return <Loading />;
  const urlTenant = match?.params.tenantId ?? null;
  // Outside a workspace (account, staff pages) the sidebar keeps pointing at the last one used.
  const workspace =
    me.workspaces.find((w) => w.id === (urlTenant ?? getCurrentTenantId())) ??
    (urlTenant ? null : (me.workspaces[0] ?? null));
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      {me.impersonation && <ImpersonationBanner impersonation={me.impersonation} userEmail={me.user.email} />}
      <div className="app-shell">
        <Sidebar workspace={workspace} showStaff={me.user.isStaff && !me.impersonation} />
        <div className="app-body">
          <Topbar me={me} workspaceId={workspace?.id ?? null} />
          <main id="main" className="main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </>
  );
}
