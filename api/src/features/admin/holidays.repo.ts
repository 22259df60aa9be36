// SQL for the holiday calendar. Dates leave the database as YYYY-MM-DD text, never as a Date
// that a driver would shift into the process's time zone.
import type { Queryable } from '../../db/db';
import type { CalendarDay } from './holidays.schemas';

const LIST_YEAR = `
  SELECT to_char(h.date, 'YYYY-MM-DD') AS date, h.kind, h.name
  FROM holidays h
  WHERE h.date >= make_date($1::int, 1, 1) AND h.date < make_date($1::int + 1, 1, 1)
  ORDER BY h.date`;

const UPSERT_DAY = `
  INSERT INTO holidays (date, kind, name, created_at) VALUES ($1::date, $2, $3, $4)
  ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name
  RETURNING to_char(date, 'YYYY-MM-DD') AS date, kind, name`;

const DELETE_DAY = `DELETE FROM holidays WHERE date = $1::date RETURNING 1`;

const DELETE_YEAR = `DELETE FROM holidays WHERE date >= make_date($1::int, 1, 1) AND date < make_date($1::int + 1, 1, 1)`;

const INSERT_DAYS = `
  INSERT INTO holidays (date, kind, name, created_at)
  SELECT d.date, d.kind, d.name, $4 FROM unnest($1::date[], $2::text[], $3::text[]) AS d (date, kind, name)`;

export const holidaysRepo = {
  listYear: (q: Queryable, year: number) => q.query<CalendarDay>(LIST_YEAR, [year]),
  upsert: async (q: Queryable, day: CalendarDay, now: Date) =>
    (await q.query<CalendarDay>(UPSERT_DAY, [day.date, day.kind, day.name, now]))[0]!,
  /** True when there was such a day. */
  delete: async (q: Queryable, date: string) => (await q.query(DELETE_DAY, [date])).length > 0,
  deleteYear: (q: Queryable, year: number) => q.query(DELETE_YEAR, [year]),
  insertMany: (q: Queryable, days: CalendarDay[], now: Date) =>
    q.query(INSERT_DAYS, [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), now]),
};
