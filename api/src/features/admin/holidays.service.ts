// The holiday calendar that working-day deadlines skip. Each year the State Council publishes
// its notice; an admin enters it day by day or replaces the whole year at once.
import { ApiError } from '../../http/errors';
import type { AdminDeps } from './admin.types';
import { holidaysRepo } from './holidays.repo';
import type { CalendarDay, DayKind } from './holidays.schemas';

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

// A holiday may fall on a weekend inside a holiday run (国庆 Oct 3–4), so only workdays are checked.
function assertWorkdaysOnWeekends(days: { date: string; kind: DayKind }[]) {
  const wrong = days.filter((d) => d.kind === 'workday' && !isWeekend(d.date)).map((d) => d.date);
  if (wrong.length > 0) {
    throw new ApiError(422, 'workday_not_weekend', `a make-up working day must be a Saturday or Sunday: ${wrong.join(', ')}`, { dates: wrong });
  }
}

/** The holidays and make-up working days of a year, by date. */
export async function listYear(deps: AdminDeps, year: number) {
  return { year, days: await holidaysRepo.listYear(deps.db, year) };
}

/** Sets one day (a new one, or a change of kind or name). */
export async function putDay(deps: AdminDeps, day: CalendarDay): Promise<CalendarDay> {
  assertWorkdaysOnWeekends([day]);
  return holidaysRepo.upsert(deps.db, day, deps.clock.now());
}

/** Removes one day; 404 when the calendar has nothing on that date. */
export async function deleteDay(deps: AdminDeps, date: string): Promise<void> {
  if (!(await holidaysRepo.delete(deps.db, date))) throw new ApiError(404, 'not_found', `the calendar has nothing on ${date}`);
}

/** Replaces a whole year in one transaction: every day must be in that year, once, and valid. */
export async function replaceYear(deps: AdminDeps, year: number, days: CalendarDay[]) {
  const outside = days.filter((d) => !d.date.startsWith(`${year}-`)).map((d) => d.date);
  if (outside.length > 0) {
    throw new ApiError(422, 'date_outside_year', `these dates are not in ${year}: ${outside.join(', ')}`, { dates: outside });
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const d of days) (seen.has(d.date) ? repeated : seen).add(d.date);
  const twice = [...repeated];
  if (twice.length > 0) throw new ApiError(422, 'duplicate_date', `these dates appear twice: ${twice.join(', ')}`, { dates: twice });
  assertWorkdaysOnWeekends(days);
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await holidaysRepo.deleteYear(tx, year);
    if (sorted.length > 0) await holidaysRepo.insertMany(tx, sorted, now);
  });
  return listYear(deps, year);
}
