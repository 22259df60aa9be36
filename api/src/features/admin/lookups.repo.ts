// SQL that turns the references a client sends (area or unit code or id, category code) into rows.
import type { Queryable } from '../../db/db';
import { MAX_ID } from './common.schemas';

export type AreaSummaryRow = { id: number; code: string; name: string; level: string; ancestorIds: number[] };
export type UnitSummaryRow = { id: number; code: string; name: string; kind: string; active: boolean };

// $1 is a code, $2 an id; a code wins when a numeric code and an id both match.
const FIND_AREA = `
  SELECT a.id, a.code, a.name, a.level, a.ancestor_ids AS "ancestorIds"
  FROM areas a WHERE a.code = $1 OR a.id = $2
  ORDER BY (a.code = $1) DESC NULLS LAST LIMIT 1`;

const FIND_UNIT = `
  SELECT u.id, u.code, u.name, u.kind, u.active
  FROM units u WHERE u.code = $1 OR u.id = $2
  ORDER BY (u.code = $1) DESC NULLS LAST LIMIT 1`;

const CATEGORY_EXISTS = `SELECT c.code FROM categories c WHERE c.code = $1`;

/**
 * The (code, id) pair to look a reference up by: a number is an id; a string is a code,
 * or an id when it is all digits and no code matches.
 */
function refParams(ref: string | number): [string | null, number | null] {
  if (typeof ref === 'number') return [null, ref];
  const n = /^\d{1,10}$/.test(ref) ? Number(ref) : NaN;
  return [ref, n > 0 && n <= MAX_ID ? n : null];
}

export const lookupsRepo = {
  area: async (q: Queryable, ref: string | number) => (await q.query<AreaSummaryRow>(FIND_AREA, refParams(ref)))[0],
  unit: async (q: Queryable, ref: string | number) => (await q.query<UnitSummaryRow>(FIND_UNIT, refParams(ref)))[0],
  categoryExists: async (q: Queryable, code: string) => (await q.query(CATEGORY_EXISTS, [code])).length > 0,
};
