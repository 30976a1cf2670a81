// What the signed-in user may do. The server checks every request anyway; the UI only hides what would fail.
import { useOutletContext } from 'react-router';
import type { Me } from '../../contract/api.ts';

export type PermissionName =
  | 'territory.read'
  | 'territory.write'
  | 'region.create'
  | 'organisation.read'
  | 'organisation.write'
  | 'person.read'
  | 'person.write'
  | 'user.read'
  | 'user.write'
  | 'audit.read'
  | 'programme.read'
  | 'programme.write'
  | 'results.read'
  | 'results.write'
  | 'identification.read'
  | 'identification.write'
  | 'execution.read'
  | 'execution.write'
  | 'execution.comment'
  | 'monitoring.write';

export const can = (me: Pick<Me, 'permissions'> | null | undefined, permission: PermissionName): boolean =>
  Boolean(me?.permissions.includes(permission));

/** The signed-in user; available in every screen inside the layout, which handles the signed-out case. */
export const useCurrentUser = (): Me => useOutletContext<Me>();
