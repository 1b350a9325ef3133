import { Navigate } from 'react-router';
import { homePath, useMe } from '../../lib/session.ts';

/** '/': the last used (or first) workspace, the staff console for staff without one, else creating one. */
export function HomeRedirect() {
  const { data } = useMe();
  return <Navigate to={homePath(data)} replace />;
}
