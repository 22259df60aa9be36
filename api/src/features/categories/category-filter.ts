// The check behind every `category=` filter: a code that names no category is the caller's mistake
// (400 naming it), never a filter that quietly matches nothing. Retired categories still filter their old cases.
import type { Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';

const KNOWN_CODES = `SELECT code FROM categories WHERE code = ANY ($1::text[])`;

/** Throws 400 `unknown_category` listing the codes in `codes` that no category has. */
export async function checkCategoryFilter(q: Queryable, codes: readonly string[] | undefined): Promise<void> {
  if (!codes || codes.length === 0) return;
  const known = new Set((await q.query<{ code: string }>(KNOWN_CODES, [[...codes]])).map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new ApiError(400, 'unknown_category', `unknown category ${unknown.map((c) => `"${c}"`).join(', ')}`, { field: 'category', values: unknown });
  }
}
