// SQL for the time-limit table: category × severity → amount and unit.
import type { Queryable } from '../../db/db';
import type { Severity } from '../categories/categories.repo';

export type TimeLimitRow = { category: string; severity: Severity; amount: number; unit: 'hours' | 'working_days' };

const LIST_LIMITS = `
  SELECT t.category_code AS category, t.severity, t.amount, t.unit
  FROM time_limits t JOIN categories c ON c.code = t.category_code
  ORDER BY c.domain DESC, c.sort_order, c.code, array_position(ARRAY['general', 'serious', 'major'], t.severity)`;

const UPSERT_LIMIT = `
  INSERT INTO time_limits (category_code, severity, amount, unit) VALUES ($1, $2, $3, $4)
  ON CONFLICT (category_code, severity) DO UPDATE SET amount = EXCLUDED.amount, unit = EXCLUDED.unit
  RETURNING category_code AS category, severity, amount, unit`;

export const timeLimitsRepo = {
  list: (q: Queryable) => q.query<TimeLimitRow>(LIST_LIMITS),
  upsert: async (q: Queryable, t: TimeLimitRow) =>
    (await q.query<TimeLimitRow>(UPSERT_LIMIT, [t.category, t.severity, t.amount, t.unit]))[0]!,
};
