// Where a photo was taken, from its EXIF GPS, read in the browser before upload so the pin and the
// duplicate check can use it at once. exifr's mini build is loaded only when a photo is picked.
import type { Fix } from './report-types';

/** Accepts a real position; (0, 0) is what some cameras write when they had no fix. */
export function usableGps(gps: { latitude: number; longitude: number } | undefined | null): Fix | null {
  if (!gps) return null;
  const { latitude: lat, longitude: lon } = gps;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
  return { lat, lon };
}

// JPEG keeps EXIF in its first 64 KB; reading a slice spares a phone from loading a 10 MB photo.
const EXIF_HEAD_BYTES = 256 * 1024;

const loadExifReader = () => import('exifr/dist/mini.esm.mjs');

/** Fetches the EXIF reader ahead of need, so a report started offline can still read its photos' GPS. */
export function preloadExifReader(): void {
  loadExifReader().catch(() => undefined);
}

/** The first photo's GPS that is usable, or null. Unreadable files simply have none. */
export async function gpsOfPhotos(files: readonly Blob[]): Promise<Fix | null> {
  const exifr = await loadExifReader();
  for (const file of files) {
    const fix = usableGps(await exifr.gps(await file.slice(0, EXIF_HEAD_BYTES).arrayBuffer()).catch(() => undefined));
    if (fix) return fix;
  }
  return null;
}
