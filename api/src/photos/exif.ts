// GPS, capture time and orientation from a photo's EXIF, read from the original before the
// derivatives are stripped. The only file that imports exifr.
import exifr from 'exifr';
import { exifTimeToDate } from '../lib/exif-time';
import { isValidTimeZone } from '../lib/zoned-time';
import { gpsFromExif, type GpsPoint } from './exif-gps';
import { webpExif } from './webp-exif';

export type PhotoMetadata = {
  /** WGS-84, as phones write it; null when absent or invalid (0,0, out of range, NaN). */
  gps: GpsPoint | null;
  /** When the photo was taken; null when the camera wrote no usable time. */
  takenAt: Date | null;
  /**
   * The EXIF Orientation tag (1..8) as found. For HEIC the container's own rotation ('irot')
   * governs and is applied by the decoder, so this is informational only.
   */
  orientation: number | null;
};

const TAGS = [
  'Orientation',
  'DateTimeOriginal', 'OffsetTimeOriginal',
  'CreateDate', 'OffsetTimeDigitized',
  'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef',
];

// reviveValues off: exifr would otherwise turn DateTimeOriginal into a Date read in the *process*
// zone. translateValues off: Orientation stays a number instead of 'Rotate 90 CW'.
const OPTIONS = { pick: TAGS, reviveValues: false, translateValues: false, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false };

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Every picked tag exifr found, or an empty object for a file it cannot read. */
async function readTags(bytes: Buffer): Promise<Record<string, unknown>> {
  const input = webpExif(bytes) ?? bytes;
  try {
    const out: unknown = await exifr.parse(input, OPTIONS);
    return out && typeof out === 'object' ? (out as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * GPS, time and orientation from the EXIF of an original. Never throws on odd or missing EXIF;
 * those give nulls. `timeZone` (IANA, e.g. 'Asia/Shanghai') is how a time without its own
 * OffsetTimeOriginal is read; an unknown zone name throws RangeError, as that is a setup error.
 */
export async function readPhotoMetadata(bytes: Buffer, timeZone: string): Promise<PhotoMetadata> {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone '${timeZone}'`);
  const t = await readTags(bytes);
  const takenAt =
    exifTimeToDate(str(t.DateTimeOriginal), str(t.OffsetTimeOriginal), timeZone) ??
    exifTimeToDate(str(t.CreateDate), str(t.OffsetTimeDigitized), timeZone);
  const o = t.Orientation;
  const orientation = typeof o === 'number' && Number.isInteger(o) && o >= 1 && o <= 8 ? o : null;
  return { gps: gpsFromExif(t), takenAt, orientation };
}
