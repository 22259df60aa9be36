// Managing categories: a new one comes with its three time limits in the same transaction,
// so no category is ever live without a deadline. A category's domain and code never change,
// because cases refer to them.
import { ApiError } from '../../http/errors';
import { SEVERITIES } from '../categories/categories.repo';
import type { AdminDeps } from './admin.types';
import { adminCategoriesRepo, type AdminCategoryRow, type CategoryState } from './categories.repo';
import type { CategoryPatchInput, NewCategoryInput } from './categories.schemas';

export type AdminCategoryView = ReturnType<typeof toView>;

function toView(r: AdminCategoryRow) {
  return {
    code: r.code,
    domain: r.domain,
    name_zh: r.nameZh,
    name_en: r.nameEn,
    icon: r.icon,
    default_severity: r.defaultSeverity,
    duplicate_radius_m: r.duplicateRadiusM,
    sort_order: r.sortOrder,
    active: r.active,
    time_limits: r.timeLimits,
  };
}

/** Every category, inactive ones too, river before fire as in the public tree. */
export async function listCategories(deps: AdminDeps): Promise<AdminCategoryView[]> {
  return (await adminCategoriesRepo.list(deps.db)).map(toView);
}

/** Creates a category with its time limits; a taken code is a 409 `conflict`. */
export async function createCategory(deps: AdminDeps, input: NewCategoryInput): Promise<AdminCategoryView> {
  return deps.db.transaction(async (tx) => {
    const code = await adminCategoriesRepo.insert(tx, {
      code: input.code,
      domain: input.domain,
      nameZh: input.name_zh,
      nameEn: input.name_en,
      icon: input.icon,
      defaultSeverity: input.default_severity,
      duplicateRadiusM: input.duplicate_radius_m,
      sortOrder: input.sort_order ?? null,
    });
    if (code === undefined) throw new ApiError(409, 'conflict', `the category code ${input.code} is taken`);
    for (const severity of SEVERITIES) await adminCategoriesRepo.insertLimit(tx, code, severity, input.time_limits[severity]);
    return toView((await adminCategoriesRepo.get(tx, code))!);
  });
}

/** Changes a category's names, icon, defaults, order or active flag; 404 for an unknown code. */
export async function updateCategory(deps: AdminDeps, code: string, patch: CategoryPatchInput): Promise<AdminCategoryView> {
  return deps.db.transaction(async (tx) => {
    const current = await adminCategoriesRepo.lock(tx, code);
    if (!current) throw new ApiError(404, 'not_found', `category ${code} not found`);
    const next: CategoryState = {
      nameZh: patch.name_zh ?? current.nameZh,
      nameEn: patch.name_en ?? current.nameEn,
      icon: patch.icon ?? current.icon,
      defaultSeverity: patch.default_severity ?? current.defaultSeverity,
      duplicateRadiusM: patch.duplicate_radius_m ?? current.duplicateRadiusM,
      sortOrder: patch.sort_order ?? current.sortOrder,
      active: patch.active ?? current.active,
    };
    await adminCategoriesRepo.update(tx, code, next);
    return toView((await adminCategoriesRepo.get(tx, code))!);
  });
}
