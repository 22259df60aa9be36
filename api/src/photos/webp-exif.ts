// The EXIF block inside a WebP file. exifr reads JPEG, PNG and HEIC containers but not WebP's
// RIFF, so we find the 'EXIF' chunk ourselves and hand exifr the TIFF data inside it.

const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];

const fourcc = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/**
 * The TIFF-format EXIF data of a WebP file, or null if it has none (or is not a WebP).
 * Some writers prefix the chunk with JPEG's 'Exif\0\0'; that prefix is dropped.
 */
export function webpExif(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 12 || fourcc(bytes, 0) !== 'RIFF' || fourcc(bytes, 8) !== 'WEBP') return null;
  const end = Math.min(bytes.length, 8 + u32le(bytes, 4));
  for (let at = 12; at + 8 <= end; ) {
    const size = u32le(bytes, at + 4);
    const data = bytes.subarray(at + 8, Math.min(end, at + 8 + size));
    if (fourcc(bytes, at) === 'EXIF') {
      const tiff = fourcc(data, 0) === 'Exif' ? data.subarray(6) : data;
      return tiff.length >= 8 && (startsWith(tiff, TIFF_LE) || startsWith(tiff, TIFF_BE)) ? tiff : null;
    }
    at += 8 + size + (size & 1); // chunks are padded to an even length
  }
  return null;
}
