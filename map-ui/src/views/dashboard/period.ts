// The dashboard's periods (this month, last 30 days, this year, custom) as the plain dates GET /api/stats takes.
// Plain dates mean midnight in the deployment's time zone, so "this month" starts when it does in Shanghai.

export const PERIOD_KINDS = ['month', 'last30', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A chosen period; `custom` carries its first and last day (both inclusive, YYYY-MM-DD). */
export type Period = { kind: Exclude<PeriodKind, 'custom'> } | { kind: 'custom'; first: string; last: string };

/** What the API is asked for: `from` inclusive, `to` exclusive; `last` is the last day shown to the user. */
export type PeriodRange = { from: string; to: string; last: string; days: number };

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Up to this many days the trend is drawn per day; longer periods per week. */
const DAILY_TREND_MAX_DAYS = 62;

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function localDate(now: Date, timeZone = DEFAULT_TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function toUtcMs(date: string): number | null {
  const m = PLAIN_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Rejects 2026-02-30 and the like, which Date.UTC would roll over.
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

/** `date` moved by `days` calendar days. @example addDays('2026-02-28', 1) === '2026-03-01' */
export function addDays(date: string, days: number): string {
  const ms = toUtcMs(date);
  if (ms === null) throw new RangeError(`not a date: ${date}`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

function range(first: string, last: string): PeriodRange {
  const days = Math.round(((toUtcMs(last) ?? 0) - (toUtcMs(first) ?? 0)) / DAY_MS) + 1;
  return { from: first, to: addDays(last, 1), last, days };
}

/**
 * The dates to ask for, or null for a custom period that is malformed or ends before it starts.
 * Periods up to today include all of today.
 * @example periodRange({ kind: 'month' }, new Date('2026-11-20T04:00:00Z')) // { from: '2026-11-01', to: '2026-11-21', … }
 */
export function periodRange(period: Period, now: Date, timeZone = DEFAULT_TIME_ZONE): PeriodRange | null {
  const today = localDate(now, timeZone);
  switch (period.kind) {
    case 'month':
      return range(`${today.slice(0, 7)}-01`, today);
    case 'last30':
      return range(addDays(today, -29), today);
    case 'year':
      return range(`${today.slice(0, 4)}-01-01`, today);
    case 'custom': {
      const first = toUtcMs(period.first);
      const last = toUtcMs(period.last);
      if (first === null || last === null || first > last) return null;
      return range(period.first, period.last);
    }
  }
}

/** Day buckets for short periods, week buckets for long ones, so a trend never has hundreds of points. */
export function trendGroup(r: PeriodRange): 'day' | 'week' {
  return r.days <= DAILY_TREND_MAX_DAYS ? 'day' : 'week';
}

/**
 * Every bucket start in the range, as the API keys them (days, or weeks from Monday), so days with
 * no case still show as zero on the trend.
 * @example bucketStarts({ from: '2026-11-05', to: '2026-11-17', … }, 'week') // ['2026-11-02', '2026-11-09', '2026-11-16']
 */
export function bucketStarts(r: Pick<PeriodRange, 'from' | 'to'>, group: 'day' | 'week'): string[] {
  const end = toUtcMs(r.to) ?? 0;
  const fromMs = toUtcMs(r.from) ?? end;
  // getUTCDay: Sunday 0 … Saturday 6; a week starts on Monday.
  const first = group === 'day' ? fromMs : fromMs - ((new Date(fromMs).getUTCDay() + 6) % 7) * DAY_MS;
  const step = group === 'day' ? DAY_MS : 7 * DAY_MS;
  const starts: string[] = [];
  for (let ms = first; ms < end; ms += step) starts.push(new Date(ms).toISOString().slice(0, 10));
  return starts;
}
