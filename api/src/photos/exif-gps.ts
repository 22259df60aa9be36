// EXIF GPS tags to a WGS-84 point, refusing what cannot be a real fix: phones write 0,0 when they
// have no fix, and broken writers leave NaN, out-of-range values or a missing hemisphere.

export type GpsPoint = { lat: number; lon: number };

/** Degrees from an EXIF rational triple [deg, min, sec] (or a plain number); null if not finite. */
function degrees(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (!Array.isArray(value) || value.length === 0 || value.length > 3) return null;
  const parts = value as unknown[];
  if (!parts.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0)) return null;
  const [d = 0, m = 0, s = 0] = parts as number[];
  return d + m / 60 + s / 3600;
}

/** +1 or -1 for a hemisphere letter ('N'/'S' or 'E'/'W'); null for anything else. */
function hemisphere(ref: unknown, positive: string, negative: string): 1 | -1 | null {
  if (typeof ref !== 'string') return null;
  const letter = ref.replace(/\0/g, '').trim().toUpperCase();
  return letter === positive ? 1 : letter === negative ? -1 : null;
}

/**
 * The position in EXIF GPS tags (as exifr returns them with reviveValues off), or null when a
 * tag is missing or the point is invalid: non-finite, out of range, or exactly 0,0.
 * @example gpsFromExif({ GPSLatitude: [43, 28, 2.8], GPSLatitudeRef: 'N', GPSLongitude: [11, 53, 6.5], GPSLongitudeRef: 'E' })
 */
export function gpsFromExif(tags: Record<string, unknown>): GpsPoint | null {
  const latAbs = degrees(tags.GPSLatitude);
  const lonAbs = degrees(tags.GPSLongitude);
  const latSign = hemisphere(tags.GPSLatitudeRef, 'N', 'S');
  const lonSign = hemisphere(tags.GPSLongitudeRef, 'E', 'W');
  if (latAbs === null || lonAbs === null || latSign === null || lonSign === null) return null;
  const lat = latSign * latAbs;
  const lon = lonSign * lonAbs;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // "Null Island": the fix a GPS chip reports before it has one.
  if (Math.abs(lat) < 1e-7 && Math.abs(lon) < 1e-7) return null;
  return { lat, lon };
}
