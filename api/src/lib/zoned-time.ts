// Wall-clock time in a named time zone, with Intl only (nothing here reads the process zone):
// which local date and time an instant is, and which instant a local date and time is.

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms?: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Intl's 'longOffset' name, e.g. 'GMT+08:00'; old local mean times carry seconds ('GMT+08:05:43').
const GMT_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

const wallFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, timeZone: string, opts: Intl.DateTimeFormatOptions) {
  let f = map.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, ...opts });
    map.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the IANA zone name, e.g. 'Asia/Shanghai'. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The local wall time of an instant in a zone. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const f = cached(wallFormats, timeZone, {
    hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Shanghai: +480). Throws RangeError for an unknown zone. */
export function offsetMinutes(instant: Date | number, timeZone: string): number {
  const name = cached(offsetFormats, timeZone, { timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = GMT_OFFSET.exec(name);
  if (!m) throw new RangeError(`cannot read the UTC offset of ${timeZone} from '${name}'`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60);
}

/**
 * The instant at which a zone's clocks show this wall time. Like Temporal's "compatible": a time
 * that happens twice (clocks going back) is the earlier one; a time skipped by clocks going
 * forward moves forward by the gap (02:30 in a 02:00→03:00 gap is 03:30).
 * @example wallTimeToInstant({ year: 2026, month: 11, day: 22, hour: 9, minute: 0, second: 0 }, 'Asia/Shanghai') // 01:00 UTC
 */
export function wallTimeToInstant(w: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms ?? 0);
  const offsetMs = (t: number) => Math.round(offsetMinutes(t, timeZone) * MINUTE_MS);
  const before = offsetMs(asUtc - DAY_MS);
  const after = offsetMs(asUtc + DAY_MS);
  const fits = [before, after].map((offset) => asUtc - offset).filter((t) => offsetMs(t) === asUtc - t);
  return new Date(fits.length ? Math.min(...fits) : asUtc - before);
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallTimeOf(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
