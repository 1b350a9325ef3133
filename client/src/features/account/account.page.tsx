// /account: the signed-in user's own profile, password and sessions (not tied to a workspace).
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/session.ts';
import { Loading, PageHeader } from '../../ui/ui.tsx';
import { PasswordCard } from './password.card.tsx';
import { ProfileCard } from './profile.card.tsx';
import { SessionsCard } from './sessions.card.tsx';
import './account.i18n.ts';

export function AccountPage() {
  const { t } = useTranslation('account');
  const user = useMe().data?.user;
  if (!user) return <Loading />;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <ProfileCard key={user.id} user={user} />
      <PasswordCard />
      <SessionsCard />
    </>
  );
}
