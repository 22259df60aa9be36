// Turns an EXIF date-time, which is a wall-clock reading with no zone, into an instant.
// The zone is the photo's own OffsetTime when the camera wrote one, else the deployment's
// (a photo of a Chinese river was taken at UTC+8, whatever zone the server happens to run in).
// Pure code on Intl: nothing here reads the process time zone.

/** A wall-clock reading: calendar fields with no zone attached. */
export type LocalDateTime = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number };

const EXIF_DATE_TIME = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
// Intl's 'longOffset' name, e.g. 'GMT+08:00'; old local mean times carry seconds ('GMT+08:05:43').
const GMT_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Parses EXIF's 'YYYY:MM:DD HH:MM:SS' (also with '-' or 'T', as some writers use), or null for
 * blanks, zeros ('0000:00:00 00:00:00') and impossible dates.
 */
export function parseExifDateTime(text: string): LocalDateTime | null {
  const m = EXIF_DATE_TIME.exec(text.replace(/\0/g, '').trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return { year, month, day, hour, minute, second, ms };
}

/** An EXIF OffsetTime such as '+08:00' or '-05:00', in minutes east of UTC; null if malformed. */
export function parseUtcOffset(text: string): number | null {
  const m = OFFSET.exec(text.replace(/\0/g, '').trim());
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** True when Intl knows the IANA zone name, e.g. 'Asia/Shanghai'. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC, in minutes, at an instant. Throws RangeError for an unknown zone. */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, format);
  }
  const name = format.formatToParts(instantMs).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = GMT_OFFSET.exec(name);
  if (!m) throw new RangeError(`cannot read the UTC offset of ${timeZone} from '${name}'`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60);
}

/**
 * The instant a wall-clock reading names in a zone. Like Temporal's 'compatible' choice: a time
 * that happens twice (clocks going back) is the earlier one; a time skipped by clocks going
 * forward is read with the offset before the change (02:30 in a 02:00→03:00 gap is 03:30).
 */
export function localTimeToInstant(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  const offsetMs = (t: number) => Math.round(zoneOffsetMinutes(t, timeZone) * MINUTE_MS);
  const before = offsetMs(asUtc - DAY_MS);
  const after = offsetMs(asUtc + DAY_MS);
  const fits = [before, after].map((offset) => asUtc - offset).filter((t) => offsetMs(t) === asUtc - t);
  return new Date(fits.length ? Math.min(...fits) : asUtc - before);
}

/**
 * When an EXIF date-time happened: with its own offset when present and well-formed, otherwise
 * read in `timeZone`. Null when the date-time is missing or malformed.
 * @example exifTimeToDate('2008:10:22 16:28:39', null, 'Asia/Shanghai') // 2008-10-22T08:28:39.000Z
 * @example exifTimeToDate('2021:04:11 15:47:53', '-05:00', 'Asia/Shanghai') // 2021-04-11T20:47:53.000Z
 */
export function exifTimeToDate(
  dateTime: string | null | undefined,
  offset: string | null | undefined,
  timeZone: string,
): Date | null {
  if (typeof dateTime !== 'string') return null;
  const local = parseExifDateTime(dateTime);
  if (!local) return null;
  const offsetMinutes = typeof offset === 'string' ? parseUtcOffset(offset) : null;
  if (offsetMinutes === null) return localTimeToInstant(local, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  return new Date(asUtc - offsetMinutes * MINUTE_MS);
}
