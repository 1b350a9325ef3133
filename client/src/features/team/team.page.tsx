// /w/:tenantId/team — members and invitations of the current workspace.
import { can } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { useCurrentWorkspace, useImpersonating, useMe } from '../../lib/session.ts';
import { Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { InvitationsSection } from './invitations.section.tsx';
import { canManageInvitations } from './member-abilities.ts';
import { MembersSection } from './members.section.tsx';
import './team.i18n.ts';

export function TeamPage() {
  const { t } = useTranslation('team');
  const me = useMe();
  const { role } = useCurrentWorkspace();
  const impersonating = useImpersonating() !== null;
  const userId = me.data?.user?.id;
  if (!role || !userId) return <Loading />;

  const viewer = { userId, role, impersonating };
  const roleAllows = can(role, 'members.manage');
  const blockedReason = impersonating
    ? t('common:blockedWhileImpersonating')
    : roleAllows
      ? undefined
      : t('common:forbidden');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {!roleAllows && <Notice tone="warning">{t('cannotManage', { role: t(`roles.${role}`) })}</Notice>}
      {impersonating && <Notice tone="warning">{t('blockedNotice')}</Notice>}
      <MembersSection viewer={viewer} />
      <InvitationsSection
        canView={roleAllows}
        canManage={canManageInvitations(viewer)}
        blockedReason={blockedReason}
      />
    </>
  );
}
