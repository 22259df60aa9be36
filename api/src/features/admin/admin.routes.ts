// Everything under /api/admin, for the admin role only: users, units and their default-unit
// rules, categories, time limits and the holiday calendar.
import { createRouter } from '../../http/router';
import type { AdminDeps } from './admin.types';
import { areaUnitsRoutes } from './area-units.routes';
import { categoriesRoutes } from './categories.routes';
import { holidaysRoutes } from './holidays.routes';
import { timeLimitsRoutes } from './time-limits.routes';
import { unitsRoutes } from './units.routes';
import { usersRoutes } from './users.routes';

export function adminRoutes(deps: AdminDeps) {
  return createRouter()
    .route('/', usersRoutes(deps))
    .route('/', unitsRoutes(deps))
    .route('/', areaUnitsRoutes(deps))
    .route('/', categoriesRoutes(deps))
    .route('/', timeLimitsRoutes(deps))
    .route('/', holidaysRoutes(deps));
}
