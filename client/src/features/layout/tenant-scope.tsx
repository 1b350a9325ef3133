// The element of /w/:tenantId. It points the API client at the workspace in the URL, drops the
// previous workspace's cached data, and only then renders the page, so every tenant-scoped query
// runs with the right X-Colmeia-Tenant header and never shows another workspace's data.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { forgetOtherWorkspaceData, useMe } from '../../lib/session.ts';
import { getCurrentTenantId, setCurrentTenantId } from '../../lib/trpc.ts';
import { EmptyState, Loading, PageHeader } from '../../ui/ui.tsx';
import { BillingBanner } from '../billing/billing-banner.tsx';
import './layout.i18n.ts';

export function TenantScope() {
  const { tenantId = '' } = useParams();
  const queryClient = useQueryClient();
  const me = useMe();
  const { t } = useTranslation('layout');
  // Switched during render: children render after this line, so their first request carries it.
  if (getCurrentTenantId() !== tenantId) setCurrentTenantId(tenantId);

  // On a switch, render nothing once: the old workspace's screens unmount and its cached data is
  // dropped before the new workspace's screens mount and read the cache.
  const [ready, setReady] = useState<string | null>(null);
  useLayoutEffect(() => {
    forgetOtherWorkspaceData(queryClient, tenantId);
    setReady(tenantId);
  }, [queryClient, tenantId]);

  // A workspace just created or joined may be missing from a `me` loaded before: ask once more.
  const known = me.data?.workspaces.some((w) => w.id === tenantId) ?? false;
  const [rechecked, setRechecked] = useState<string | null>(null);
  const { refetch } = me;
  useEffect(() => {
    if (me.data && !known && rechecked !== tenantId) {
      setRechecked(tenantId);
      void refetch();
    }
  }, [me.data, known, rechecked, tenantId, refetch]);

  if (ready !== tenantId) return null;
  if (!known) {
    if (!me.data || rechecked !== tenantId || me.isFetching) return <Loading />;
    return (
      <>
        <PageHeader title={t('noAccessTitle')} />
        <EmptyState title={t('noAccessText')}>
          <Link to="/">{t('goHome')}</Link>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <BillingBanner tenantId={tenantId} />
      <Outlet key={tenantId} />
    </>
  );
}
