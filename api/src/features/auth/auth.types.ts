// Who is logged in, as the rest of the API sees them.

import type { Role } from '../../lib/roles';

export { ROLES, type Role } from '../../lib/roles';

export type SessionUser = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areaId: number | null;
  /** The level of the user's area (district … micro_grid): scope queries then test one indexed column. */
  areaLevel: string | null;
  unitId: number | null;
};
