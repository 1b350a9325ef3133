// The left navigation: the workspace's sections (hidden when the role cannot read them) and, for
// staff not impersonating anyone, the staff console.
import { can, type Permission, type Role } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { BrandMark } from '../../ui/brand.tsx';
import './layout.i18n.ts';

const SECTIONS: { path: string; permission: Permission | null }[] = [
  { path: 'overview', permission: null },
  { path: 'bots', permission: 'bots.read' },
  { path: 'conversations', permission: 'bots.read' },
  { path: 'analytics', permission: 'bots.read' },
  { path: 'costs', permission: 'gateway.read' },
  { path: 'billing', permission: 'billing.read' },
  { path: 'team', permission: 'members.read' },
  { path: 'audit', permission: 'audit.read' },
  { path: 'api-keys', permission: 'apiKeys.manage' },
  { path: 'webhooks', permission: 'webhooks.manage' },
  { path: 'settings', permission: null },
];

const STAFF_SECTIONS = [
  'tenants',
  'users',
  'hosts',
  'providers',
  'plans',
  'outbox',
  'audit',
  'dead-letters',
] as const;

export function Sidebar(props: {
  workspace: { id: string; name: string; role: Role } | null;
  showStaff: boolean;
}) {
  const { t } = useTranslation('layout');
  const { workspace } = props;
  return (
    <aside className="sidebar">
      <Link to="/" className="brand" aria-label={t('home')}>
        <BrandMark size={22} /> Colmeia
      </Link>
      <nav aria-label={t('mainNav')}>
        {workspace ? (
          <>
            <p className="sidebar-heading" title={workspace.name}>
              {workspace.name}
            </p>
            <ul>
              {SECTIONS.filter((s) => !s.permission || can(workspace.role, s.permission)).map((s) => (
                <li key={s.path}>
                  <NavLink to={`/w/${workspace.id}/${s.path}`}>{t(`nav.${s.path}`)}</NavLink>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <ul>
            <li>
              <NavLink to="/workspaces/new">{t('createWorkspace')}</NavLink>
            </li>
          </ul>
        )}
      </nav>
      {props.showStaff && (
        <nav aria-label={t('staffNav')}>
          <p className="sidebar-heading">{t('staffNav')}</p>
          <ul>
            {STAFF_SECTIONS.map((s) => (
              <li key={s}>
                <NavLink to={`/staff/${s}`}>{t(`staff.${s}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </aside>
  );
}
