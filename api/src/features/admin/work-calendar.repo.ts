// The working-day calendar for deadlines, read from the admin-kept holidays table.
import type { Queryable } from '../../db/db';
import { workCalendar, type WorkCalendar } from '../../lib/time-limits';

// The whole table: a few dozen rows a year, and a deadline may run into next year.
const CALENDAR_DAYS = `SELECT to_char(h.date, 'YYYY-MM-DD') AS date, h.kind FROM holidays h`;

/**
 * Monday–Friday minus the holidays, plus the make-up working days, as stored now.
 * @example dueAt(dispatchedAt, limit, await loadWorkCalendar(tx), config.timeZone)
 */
export async function loadWorkCalendar(q: Queryable): Promise<WorkCalendar> {
  const rows = await q.query<{ date: string; kind: 'holiday' | 'workday' }>(CALENDAR_DAYS);
  return workCalendar(
    rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
    rows.filter((r) => r.kind === 'workday').map((r) => r.date),
  );
}
