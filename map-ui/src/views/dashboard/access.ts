// Who may open the statistics dashboard, and its address: supervisors read it, dispatchers and admins may too.
import type { Role } from '../../api-types';

export const DASHBOARD_HASH = '#/dashboard';
const DASHBOARD_ROLES: readonly Role[] = ['supervisor', 'dispatcher', 'admin'];

/** Inspectors and handlers work case by case and get no dashboard; the API's scope still limits what others see. */
export function canOpenDashboard(role: Role): boolean {
  return DASHBOARD_ROLES.includes(role);
}

/** Whether the address asks for the dashboard. */
export function isDashboardHash(hash: string): boolean {
  return hash === DASHBOARD_HASH;
}
