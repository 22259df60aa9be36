// SQL for the default-unit rules (area_units): a category's unit in an area, NULL category = any.
import type { Queryable } from '../../db/db';

export type RuleRow = {
  category: string | null;
  categoryNameZh: string | null;
  unit: { id: number; code: string; name: string; kind: string; active: boolean };
};

const RULE_VIEW = `
  SELECT au.category_code AS category, k.name_zh AS "categoryNameZh",
         json_build_object('id', n.id, 'code', n.code, 'name', n.name, 'kind', n.kind, 'active', n.active) AS unit
  FROM area_units au
  JOIN units n ON n.id = au.unit_id
  LEFT JOIN categories k ON k.code = au.category_code`;

const LIST_RULES = `${RULE_VIEW} WHERE au.area_id = $1 ORDER BY au.category_code NULLS FIRST`;
const GET_RULE = `${RULE_VIEW} WHERE au.area_id = $1 AND au.category_code IS NOT DISTINCT FROM $2`;

// The table's UNIQUE NULLS NOT DISTINCT makes the catch-all rule (NULL category) one row too.
const UPSERT_RULE = `
  INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, $2, $3)
  ON CONFLICT (area_id, category_code) DO UPDATE SET unit_id = EXCLUDED.unit_id`;

const DELETE_RULE = `DELETE FROM area_units WHERE area_id = $1 AND category_code IS NOT DISTINCT FROM $2 RETURNING unit_id`;

export const areaUnitsRepo = {
  list: (q: Queryable, areaId: number) => q.query<RuleRow>(LIST_RULES, [areaId]),
  get: async (q: Queryable, areaId: number, category: string | null) => (await q.query<RuleRow>(GET_RULE, [areaId, category]))[0],
  upsert: (q: Queryable, areaId: number, category: string | null, unitId: number) => q.query(UPSERT_RULE, [areaId, category, unitId]),
  /** True when there was such a rule. */
  delete: async (q: Queryable, areaId: number, category: string | null) => (await q.query(DELETE_RULE, [areaId, category])).length > 0,
};
