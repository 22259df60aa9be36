// Shapes of the holiday calendar: public holidays and make-up working days (调休), by date.
import { z } from '@hono/zod-openapi';

export const DAY_KINDS = ['holiday', 'workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** True for a real YYYY-MM-DD date (no 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const DateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date')
  .openapi({ example: '2026-10-01' });

const Kind = z.enum(DAY_KINDS).openapi({ description: 'holiday: a day off; workday: a weekend day worked (调休上班)' });
const Name = z.string().trim().min(1).max(64).openapi({ example: '国庆节', description: 'The festival the day belongs to' });

export const DateParam = z.object({ date: DateString.openapi({ param: { name: 'date', in: 'path' } }) });

export const YearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ example: 2026 }),
});

export const DayBody = z.strictObject({ kind: Kind, name: Name }).openapi('CalendarDayBody');

const Day = z.strictObject({ date: DateString, kind: Kind, name: Name });

export const YearBody = z
  .strictObject({ days: z.array(Day).max(366) })
  .openapi('CalendarYearBody', { description: "Every holiday and make-up working day of the year, as in the State Council's notice" });

export const DaySchema = z
  .object({ date: z.string().openapi({ format: 'date' }), kind: Kind, name: z.string() })
  .openapi('CalendarDay');

export const YearSchema = z.object({ year: z.number().int(), days: z.array(DaySchema) }).openapi('CalendarYear');

export type CalendarDay = { date: string; kind: DayKind; name: string };
