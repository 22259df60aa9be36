// Turns an EXIF date-time, which is a wall-clock reading with no zone, into an instant.
// The zone is the photo's own OffsetTime when the camera wrote one, else the deployment's
// (a photo of a Chinese river was taken at UTC+8, whatever zone the server happens to run in).
// Pure code on Intl: nothing here reads the process time zone.
import { wallTimeToInstant, type WallTime } from './zoned-time';

/** A wall-clock reading: calendar fields with no zone attached. */
export type LocalDateTime = Required<WallTime>;

const EXIF_DATE_TIME = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
const MINUTE_MS = 60_000;

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
  if (offsetMinutes === null) return wallTimeToInstant(local, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.ms);
  return new Date(asUtc - offsetMinutes * MINUTE_MS);
}
