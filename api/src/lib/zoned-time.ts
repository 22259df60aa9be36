// Wall-clock time in a named time zone, with Intl only: which local date and time an
// instant is, and which instant a local date and time is.

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall time of an instant in a zone. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Shanghai: +480). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallTimeOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which a zone's clocks show this wall time. A time inside a DST gap moves
 * forward by the gap, and in an overlap the earlier instant wins (Temporal's "compatible").
 * @example wallTimeToInstant({ year: 2026, month: 11, day: 22, hour: 9, minute: 0, second: 0 }, 'Asia/Shanghai') // 01:00 UTC
 */
export function wallTimeToInstant(w: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Two rounds settle the offset except inside a DST transition.
  let guess = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  guess = asUtc - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const earlier = asUtc - offsetMinutes(new Date(guess - 3_600_000 * 3), timeZone) * 60_000;
  const w2 = wallTimeOf(new Date(earlier), timeZone);
  const same = w2.year === w.year && w2.month === w.month && w2.day === w.day && w2.hour === w.hour && w2.minute === w.minute;
  return new Date(same && earlier < guess ? earlier : guess);
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallTimeOf(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
