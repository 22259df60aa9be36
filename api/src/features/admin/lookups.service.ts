// Resolving references with the right refusal: a thing named in the URL that does not exist is
// a 404; one named in the body or a filter is a 422, so the client knows which part to fix.
import type { Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import { lookupsRepo, type AreaSummaryRow, type UnitSummaryRow } from './lookups.repo';

type Where = 'path' | 'body';

const missing = (where: Where, what: 'area' | 'unit' | 'category', ref: string | number) =>
  where === 'path'
    ? new ApiError(404, 'not_found', `${what} ${ref} not found`)
    : new ApiError(422, `unknown_${what}`, `there is no ${what} ${JSON.stringify(ref)}`);

/** The area a reference names, or a 404 (path) / 422 `unknown_area` (body). */
export async function requireArea(q: Queryable, ref: string | number, where: Where = 'body'): Promise<AreaSummaryRow> {
  const area = await lookupsRepo.area(q, ref);
  if (!area) throw missing(where, 'area', ref);
  return area;
}

/** The unit a reference names, or a 404 (path) / 422 `unknown_unit` (body). */
export async function requireUnit(q: Queryable, ref: string | number, where: Where = 'body'): Promise<UnitSummaryRow> {
  const unit = await lookupsRepo.unit(q, ref);
  if (!unit) throw missing(where, 'unit', ref);
  return unit;
}

/** Refuses a deactivated unit (422 `unit_inactive`): nobody should be newly tied to a closed unit. */
export function assertActiveUnit(unit: UnitSummaryRow): UnitSummaryRow {
  if (!unit.active) throw new ApiError(422, 'unit_inactive', `the unit ${unit.code} (${unit.name}) is deactivated`);
  return unit;
}

/** Like requireUnit, and the unit must be active. */
export async function requireActiveUnit(q: Queryable, ref: string | number): Promise<UnitSummaryRow> {
  return assertActiveUnit(await requireUnit(q, ref));
}

/** Checks that a category exists, or a 404 (path) / 422 `unknown_category` (body). */
export async function requireCategory(q: Queryable, code: string, where: Where = 'body'): Promise<void> {
  if (!(await lookupsRepo.categoryExists(q, code))) throw missing(where, 'category', code);
}
