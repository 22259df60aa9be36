// "Is it one of these?": open cases of the same category close by, reported recently, that the
// caller may see. Scoped like the list: a duplicate hint must not show another street's case.
import type { Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { degreesAround, type LonLat } from '../../lib/geo';
import type { SessionUser } from '../auth/auth.types';
import { caseScope } from './case-scope';
import { casesRepo, NEARBY_SCOPE_FIRST_PARAM } from './cases.repo';
import { intakeRepo } from './intake.repo';

export type PossibleDuplicate = {
  id: number;
  code: string;
  status: string;
  category: string;
  description: string;
  distance_m: number;
  created_at: string;
  location: { type: 'Point'; coordinates: [number, number] };
};

/**
 * Nearest first, within the category's duplicate radius, from the last `duplicateWindowDays`, in `user`'s scope.
 * An inspector's scope is their own area plus their own reports, so "是这个问题吗?" still finds the duplicates they may see.
 */
export async function findNearbyOpen(
  deps: { db: Queryable; clock: Clock; settings: { duplicateWindowDays: number } },
  user: SessionUser,
  a: { point: LonLat; category: string; excludeId?: number },
): Promise<PossibleDuplicate[]> {
  const category = await intakeRepo.category(deps.db, a.category);
  if (!category) throw new ApiError(422, 'unknown_category', `unknown category "${a.category}"`, { field: 'category' });
  const since = new Date(deps.clock.now().getTime() - deps.settings.duplicateWindowDays * 86_400_000);
  const rows = await casesRepo.nearbyOpen(deps.db, {
    point: a.point,
    box: degreesAround(a.point, category.duplicateRadiusM),
    category: category.code,
    radiusM: category.duplicateRadiusM,
    since,
    excludeId: a.excludeId ?? null,
  }, caseScope(user, 'c', NEARBY_SCOPE_FIRST_PARAM));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    category: r.categoryCode,
    description: r.description,
    distance_m: r.distanceM,
    created_at: r.createdAt.toISOString(),
    location: r.location,
  }));
}
