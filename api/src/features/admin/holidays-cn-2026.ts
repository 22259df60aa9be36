// China's 2026 public holidays and make-up working days (调休), from the State Council
// General Office's notice of 4 November 2025 (关于2026年部分节假日安排的通知).
// Load it with PUT /api/admin/holidays?year=2026 {"days": CN_2026_DAYS}.
import type { CalendarDay } from './holidays.schemas';

/** Every date from `first` to `last`, both included, as holidays of `name`. */
function run(name: string, first: string, last: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return days;
}

const workday = (name: string, date: string): CalendarDay => ({ date, kind: 'workday', name });

export const CN_2026_DAYS: CalendarDay[] = [
  ...run('元旦', '2026-01-01', '2026-01-03'),
  workday('元旦', '2026-01-04'),
  workday('春节', '2026-02-14'),
  ...run('春节', '2026-02-15', '2026-02-23'),
  workday('春节', '2026-02-28'),
  ...run('清明节', '2026-04-04', '2026-04-06'),
  ...run('劳动节', '2026-05-01', '2026-05-05'),
  workday('劳动节', '2026-05-09'),
  ...run('端午节', '2026-06-19', '2026-06-21'),
  workday('国庆节', '2026-09-20'),
  ...run('中秋节', '2026-09-25', '2026-09-27'),
  ...run('国庆节', '2026-10-01', '2026-10-07'),
  workday('国庆节', '2026-10-10'),
];
