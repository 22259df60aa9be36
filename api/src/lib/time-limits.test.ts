import { describe, expect, it } from 'vitest';
import { dueAt, workCalendar } from './time-limits';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('dueAt', () => {
  it('counts hours on the clock, nights and weekends included', () => {
    expect(dueAt(at('2026-11-20T17:00:00+08:00'), { amount: 24, unit: 'hours' }, workCalendar(), TZ).toISOString()).toBe('2026-11-21T09:00:00.000Z');
  });

  it('skips weekends for working days, keeping the local time of day', () => {
    // Friday 2026-11-20 10:00 + 1 working day = Monday 10:00.
    const due = dueAt(at('2026-11-20T10:00:00+08:00'), { amount: 1, unit: 'working_days' }, workCalendar(), TZ);
    expect(due.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    // Saturday + 1 working day is also Monday.
    expect(dueAt(at('2026-11-21T10:00:00+08:00'), { amount: 1, unit: 'working_days' }, workCalendar(), TZ).toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(dueAt(at('2026-11-16T10:00:00+08:00'), { amount: 5, unit: 'working_days' }, workCalendar(), TZ).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });

  it('skips holidays and counts make-up working days (国庆 2026)', () => {
    // State Council notice of 4 Nov 2025: Oct 1–7 off; Sunday Sep 20 and Saturday Oct 10 worked.
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];
    const cal = workCalendar(holidays, ['2026-09-20', '2026-10-10']);
    // Friday Sep 18 + 1 working day = Sunday Sep 20 (make-up day).
    expect(dueAt(at('2026-09-18T09:00:00+08:00'), { amount: 1, unit: 'working_days' }, cal, TZ).toISOString()).toBe('2026-09-20T01:00:00.000Z');
    // Wednesday Sep 30 + 2 working days = Thursday Oct 8, Friday Oct 9.
    expect(dueAt(at('2026-09-30T09:00:00+08:00'), { amount: 2, unit: 'working_days' }, cal, TZ).toISOString()).toBe('2026-10-09T01:00:00.000Z');
    // Friday Oct 9 + 1 = Saturday Oct 10 (make-up day).
    expect(dueAt(at('2026-10-09T09:00:00+08:00'), { amount: 1, unit: 'working_days' }, cal, TZ).toISOString()).toBe('2026-10-10T01:00:00.000Z');
  });

  it('keeps the milliseconds of the start', () => {
    const start = at('2026-11-20T10:00:00.250+08:00');
    expect(dueAt(start, { amount: 1, unit: 'working_days' }, workCalendar(), TZ).toISOString()).toBe('2026-11-23T02:00:00.250Z');
  });

  it('refuses a calendar with no working days instead of looping forever', () => {
    const never = { isWorkingDay: () => false };
    expect(() => dueAt(at('2026-11-20T10:00:00+08:00'), { amount: 1, unit: 'working_days' }, never, TZ)).toThrow(/no working days/);
  });
});
