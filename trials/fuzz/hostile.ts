// Hostile values for fuzzing: NUL, RTL marks, 1 MB, SQL, path traversal, numbers at the edges, broken images.
import fc from 'fast-check';
import { photoFixture } from '../../tests/fixtures/photos';

const ONE_MB = 'x'.repeat(1024 * 1024);
export const HOSTILE_STRINGS = [
  'a\u0000b', '\u0000', '\u202Eevil\u202C', '\u200F\u200E', ONE_MB, "' OR 1=1 --", "'; DROP TABLE cases; --", '"', '\\',
  '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%00', '%', '_', '-1', '0', '1e309', 'NaN', '9999999999999999999999',
  '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1970-01-01', '<script>alert(1)</script>', '{}', '[]', 'null', '', ' ',
  '😀'.repeat(100), 'true', '1,2,3,4', '-180,-90,180,90', '120.5,31.2,120.6,31.3',
];

/** A string from the hostile list, or from the schema's own enum/example, or random unicode. */
export function valueArb(schema: { enum?: unknown[]; example?: unknown; type?: string } | undefined): fc.Arbitrary<string> {
  const own = [...(schema?.enum ?? []), ...(schema?.example !== undefined ? [schema.example] : [])].map(String);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String) },
    { weight: own.length ? 3 : 0, arbitrary: own.length ? fc.constantFrom(...own) : fc.constant('') },
  );
}

const JPEG = photoFixture('jpg_gps_DSCN0010.jpg');
const HEIC = photoFixture('heic_iphone_13_pro_max.HEIC');
/** Photo parts: whole, truncated, zero bytes, not an image, a lying content type. */
export const photoArb: fc.Arbitrary<[Uint8Array, string, string]> = fc.oneof(
  fc.constant<[Uint8Array, string, string]>([JPEG, 'p.jpg', 'image/jpeg']),
  fc.integer({ min: 0, max: JPEG.length - 1 }).map((n): [Uint8Array, string, string] => [JPEG.subarray(0, n), 't.jpg', 'image/jpeg']),
  fc.integer({ min: 0, max: HEIC.length - 1 }).map((n): [Uint8Array, string, string] => [HEIC.subarray(0, n), 't.heic', 'image/heic']),
  fc.constant<[Uint8Array, string, string]>([new TextEncoder().encode('<html>not an image</html>'), '../../x.jpg', 'image/jpeg']),
  fc.constant<[Uint8Array, string, string]>([JPEG, 'p.exe', 'application/x-msdownload']),
);
