// SQL for managing categories, inactive ones included (the public list shows only active ones).
import type { Queryable } from '../../db/db';
import type { Domain, Severity, TimeLimit } from '../categories/categories.repo';

export type CategoryState = {
  nameZh: string;
  nameEn: string;
  icon: string;
  defaultSeverity: Severity;
  duplicateRadiusM: number;
  sortOrder: number;
  active: boolean;
};

export type AdminCategoryRow = CategoryState & { code: string; domain: Domain; timeLimits: Partial<Record<Severity, TimeLimit>> };

const CATEGORY_VIEW = `
  SELECT c.code, c.domain, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.icon,
         c.default_severity AS "defaultSeverity", c.duplicate_radius_m AS "duplicateRadiusM",
         c.sort_order AS "sortOrder", c.active,
         COALESCE((SELECT json_object_agg(t.severity, json_build_object('amount', t.amount, 'unit', t.unit))
                   FROM time_limits t WHERE t.category_code = c.code), '{}'::json) AS "timeLimits"
  FROM categories c`;

const LIST_CATEGORIES = `${CATEGORY_VIEW} ORDER BY c.domain DESC, c.sort_order, c.code`;
const GET_CATEGORY = `${CATEGORY_VIEW} WHERE c.code = $1`;

// Without a sort order the new category goes after the last one of its domain.
const INSERT_CATEGORY = `
  INSERT INTO categories (code, domain, name_zh, name_en, icon, default_severity, duplicate_radius_m, sort_order)
  VALUES ($1, $2, $3, $4, $5, $6, $7,
          COALESCE($8, (SELECT COALESCE(max(sort_order), 0) + 10 FROM categories WHERE domain = $2)))
  ON CONFLICT (code) DO NOTHING
  RETURNING code`;

const INSERT_LIMIT = `INSERT INTO time_limits (category_code, severity, amount, unit) VALUES ($1, $2, $3, $4)`;

const LOCK_CATEGORY = `
  SELECT c.name_zh AS "nameZh", c.name_en AS "nameEn", c.icon, c.default_severity AS "defaultSeverity",
         c.duplicate_radius_m AS "duplicateRadiusM", c.sort_order AS "sortOrder", c.active
  FROM categories c WHERE c.code = $1 FOR UPDATE`;

const UPDATE_CATEGORY = `
  UPDATE categories SET name_zh = $2, name_en = $3, icon = $4, default_severity = $5,
                        duplicate_radius_m = $6, sort_order = $7, active = $8
  WHERE code = $1`;

export const adminCategoriesRepo = {
  list: (q: Queryable) => q.query<AdminCategoryRow>(LIST_CATEGORIES),
  get: async (q: Queryable, code: string) => (await q.query<AdminCategoryRow>(GET_CATEGORY, [code]))[0],
  /** Undefined when the code is taken. */
  insert: async (q: Queryable, c: Omit<CategoryState, 'active' | 'sortOrder'> & { code: string; domain: Domain; sortOrder: number | null }) =>
    (
      await q.query<{ code: string }>(INSERT_CATEGORY, [
        c.code, c.domain, c.nameZh, c.nameEn, c.icon, c.defaultSeverity, c.duplicateRadiusM, c.sortOrder,
      ])
    )[0]?.code,
  insertLimit: (q: Queryable, code: string, severity: Severity, limit: TimeLimit) =>
    q.query(INSERT_LIMIT, [code, severity, limit.amount, limit.unit]),
  lock: async (q: Queryable, code: string) => (await q.query<CategoryState>(LOCK_CATEGORY, [code]))[0],
  update: (q: Queryable, code: string, c: CategoryState) =>
    q.query(UPDATE_CATEGORY, [code, c.nameZh, c.nameEn, c.icon, c.defaultSeverity, c.duplicateRadiusM, c.sortOrder, c.active]),
};
