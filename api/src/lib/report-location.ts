// Where a report is: the photos' EXIF GPS, the phone's own fix, or a pin the user placed.
// Both EXIF and device points are kept; one is chosen and its source recorded.
import { distanceM, isValidLonLat, type LonLat } from './geo';

export type LocationSource = 'exif' | 'device' | 'manual';

export type LocationInput = {
  /** GPS read from each photo's EXIF, in upload order; null where a photo has none. */
  exifPoints: readonly (LonLat | null)[];
  /** The point the client sent: the phone's fix, or a pin when `manual`. */
  device: LonLat | null;
  /** The user placed or dragged the pin by hand. */
  manual: boolean;
  /** Further apart than this, EXIF and device disagree. */
  conflictM: number;
};

export type ChosenLocation = {
  point: LonLat;
  source: LocationSource;
  exif: LonLat | null;
  device: LonLat | null;
  /** Metres between EXIF and device points, when both exist. */
  disagreementM: number | null;
  conflict: boolean;
};

/**
 * Chooses the case's point. A hand-placed pin wins (the user looked at the map); otherwise the
 * EXIF point, which is where the photo was taken, wins over where the phone is at upload time.
 * Returns null when there is no usable point at all.
 */
export function chooseLocation(input: LocationInput): ChosenLocation | null {
  const exif = input.exifPoints.find((p): p is LonLat => p !== null && isValidLonLat(p)) ?? null;
  const device = input.device && isValidLonLat(input.device) ? input.device : null;
  const disagreementM = exif && device ? distanceM(exif, device) : null;
  const conflict = disagreementM !== null && disagreementM > input.conflictM;
  const base = { exif, device, disagreementM, conflict };
  if (device && input.manual) return { point: device, source: 'manual', ...base };
  if (exif) return { point: exif, source: 'exif', ...base };
  if (device) return { point: device, source: 'device', ...base };
  return null;
}
