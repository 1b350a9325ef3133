// The members table: one row per member with a labelled role select and the row's actions.
// Controls the viewer may not use stay visible but disabled, with the reason as their title.
import { ROLES, type Role, type WorkspaceMember } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { Button } from '../../ui/ui.tsx';
import { memberAbilities, type Viewer } from './member-abilities.ts';
import './team.i18n.ts';
import { DataTable } from '../../ui/data-table.tsx';

export interface MembersTableProps {
  members: WorkspaceMember[];
  viewer: Viewer;
  busy?: boolean;
  onRoleChange: (member: WorkspaceMember, role: Role) => void;
  onRemove: (member: WorkspaceMember) => void;
  onTransfer: (member: WorkspaceMember) => void;
  onLeave: (member: WorkspaceMember) => void;
}

export function MembersTable({
  members,
  viewer,
  busy = false,
  onRoleChange,
  onRemove,
  onTransfer,
  onLeave,
}: MembersTableProps) {
  const { t } = useTranslation('team');
  return (
    <DataTable
      label={t('membersTable')}
      columns={[t('name'), t('email'), t('role'), t('joined'), t('actions')]}
      items={members}
      row={(member) => {
        const can = memberAbilities(viewer, member);
        const self = member.userId === viewer.userId;
        const why =
          can.blockedBy === 'impersonation'
            ? t('common:blockedWhileImpersonating')
            : can.blockedBy === 'role'
              ? t('common:forbidden')
              : undefined;
        return (
          <>
            <td>
              {member.name} {self && <span className="muted">{t('you')}</span>}
            </td>
            <td>{member.email}</td>
            <td>
              <select
                aria-label={t('roleOf', { name: member.name })}
                value={member.role}
                disabled={!can.changeRole || busy}
                title={can.changeRole ? undefined : why}
                onChange={(e) => onRoleChange(member, e.target.value as Role)}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role} disabled={role === 'owner'}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
            </td>
            <td>
              <div className="row-actions">
                {!self && member.role !== 'owner' && (
                  <Button
                    variant="secondary"
                    disabled={!can.remove || busy}
                    title={can.remove ? undefined : why}
                    onClick={() => onRemove(member)}
                  >
                    {t('remove')}
                  </Button>
                )}
                {!self && viewer.role === 'owner' && (
                  <Button
                    variant="secondary"
                    disabled={!can.transfer || busy}
                    title={can.transfer ? undefined : why}
                    onClick={() => onTransfer(member)}
                  >
                    {t('transfer')}
                  </Button>
                )}
                {self && member.role !== 'owner' && (
                  <Button
                    variant="secondary"
                    disabled={!can.leave || busy}
                    title={can.leave ? undefined : t('common:blockedWhileImpersonating')}
                    onClick={() => onLeave(member)}
                  >
                    {t('leave')}
                  </Button>
                )}
                {self && member.role === 'owner' && (
                  <span className="muted small">{t('ownerCannotLeave')}</span>
                )}
              </div>
            </td>
          </>
        );
      }}
    />
  );
}
