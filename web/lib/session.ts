// What the signed-in user may do. The server checks every request anyway; the UI only hides what would fail.
import { useOutletContext } from 'react-router';
import type { Me } from '../../contract/api.ts';
import type { Permission } from '../../domain/roles.ts';

/** The permissions of the policy table (domain/roles.ts): one list for the server and the UI. */
export type PermissionName = Permission;

export const can = (me: Pick<Me, 'permissions'> | null | undefined, permission: PermissionName): boolean =>
  Boolean(me?.permissions.includes(permission));

/** The signed-in user; available in every screen inside the layout, which handles the signed-out case. */
export const useCurrentUser = (): Me => useOutletContext<Me>();
