// SQL for adding a report to an open case: bump its version without changing its state.
import type { Queryable } from '../../db/db';
import type { CaseState } from '../../lib/case-workflow';

// No version check: adding photos never conflicts with another change, and the row lock taken
// here orders it against a concurrent action, which then sees the new version and retries.
const BUMP_OPEN = `
  UPDATE cases SET version = version + 1, updated_at = $3
  WHERE id = $1 AND status = ANY ($2::text[])
  RETURNING status, version`;

export const addReportRepo = {
  /** Bumps the version of case `id` if it is in one of `open` states; undefined when it is not. */
  bumpOpen: async (q: Queryable, id: number, open: readonly CaseState[], now: Date) =>
    (await q.query<{ status: CaseState; version: number }>(BUMP_OPEN, [id, [...open], now]))[0],
};
