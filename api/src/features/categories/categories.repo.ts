// SQL for the category table and its time limits.
import type { Queryable } from '../../db/db';

export const SEVERITIES = ['general', 'serious', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const DOMAINS = ['river', 'fire'] as const;
export type Domain = (typeof DOMAINS)[number];

export type TimeLimit = { amount: number; unit: 'hours' | 'working_days' };

export type CategoryRow = {
  code: string;
  domain: Domain;
  nameZh: string;
  nameEn: string;
  icon: string;
  defaultSeverity: Severity;
  duplicateRadiusM: number;
  timeLimits: Partial<Record<Severity, TimeLimit>>;
};

const LIST_CATEGORIES = `
  SELECT c.code, c.domain, c.name_zh AS "nameZh", c.name_en AS "nameEn", c.icon,
         c.default_severity AS "defaultSeverity", c.duplicate_radius_m AS "duplicateRadiusM",
         COALESCE((SELECT json_object_agg(t.severity, json_build_object('amount', t.amount, 'unit', t.unit))
                   FROM time_limits t WHERE t.category_code = c.code), '{}'::json) AS "timeLimits"
  FROM categories c
  WHERE c.active
  ORDER BY c.domain DESC, c.sort_order, c.code`;

export const categoriesRepo = {
  list: (q: Queryable) => q.query<CategoryRow>(LIST_CATEGORIES),
};
