// Default-unit rules: intake routes a new case to the unit of the deepest area's rule for its
// category, else of a catch-all rule. Only active units may take new rules.
import { ApiError } from '../../http/errors';
import type { AdminDeps } from './admin.types';
import { areaUnitsRepo, type RuleRow } from './area-units.repo';
import { ANY_CATEGORY } from './area-units.schemas';
import { requireActiveUnit, requireArea, requireCategory } from './lookups.service';

const toView = (r: RuleRow) => ({ category: r.category, category_name_zh: r.categoryNameZh, unit: r.unit });

const categoryOf = (param: string) => (param === ANY_CATEGORY ? null : param);

/** An area's own rules. */
export async function listAreaRules(deps: AdminDeps, areaRef: string) {
  const area = await requireArea(deps.db, areaRef, 'path');
  const rules = await areaUnitsRepo.list(deps.db, area.id);
  return { area: { id: area.id, code: area.code, name: area.name, level: area.level }, rules: rules.map(toView) };
}

/** Sets the unit for a category (or `*`) in an area, replacing any rule it had. */
export async function putAreaRule(deps: AdminDeps, areaRef: string, categoryParam: string, unitRef: string | number) {
  return deps.db.transaction(async (tx) => {
    const area = await requireArea(tx, areaRef, 'path');
    const category = categoryOf(categoryParam);
    if (category !== null) await requireCategory(tx, category, 'path');
    const unit = await requireActiveUnit(tx, unitRef);
    await areaUnitsRepo.upsert(tx, area.id, category, unit.id);
    return toView((await areaUnitsRepo.get(tx, area.id, category))!);
  });
}

/** Removes a rule; 404 when the area has none for that category. */
export async function deleteAreaRule(deps: AdminDeps, areaRef: string, categoryParam: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const area = await requireArea(tx, areaRef, 'path');
    if (!(await areaUnitsRepo.delete(tx, area.id, categoryOf(categoryParam)))) {
      throw new ApiError(404, 'not_found', `area ${area.code} has no default unit for ${categoryParam}`);
    }
  });
}
