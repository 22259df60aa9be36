// Which image format some bytes hold, from their magic numbers alone: a client's file name and
// Content-Type are never trusted, since a phone or a script can send anything under any name.

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'heic';

/** The media type an original of each format is served with. */
export const IMAGE_MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
};

/** The file extension an original of each format is stored under. */
export const IMAGE_EXT: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', heic: 'heic' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// HEVC-coded HEIF brands; the generic HEIF ones (mif1/msf1) are accepted too, as the decoder
// will tell if the picture inside is not HEVC.
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);
// AVIF shares the HEIF container (and the mif1 brand) but needs an AV1 decoder we do not ship.
const AVIF_BRANDS = new Set(['avif', 'avis']);

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}

/** The brands of an ISO-BMFF 'ftyp' box at the start of the bytes: major first, then compatible. */
function ftypBrands(b: Uint8Array): string[] | null {
  if (b.length < 16 || ascii(b, 4, 8) !== 'ftyp') return null;
  const size = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  if (size < 16 || size > 4096) return null;
  const end = Math.min(size, b.length);
  const brands = [ascii(b, 8, 12)];
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(b, i, i + 4));
  return brands;
}

/**
 * The image format of `bytes`, or null when it is not one we accept (the caller answers 415).
 * @example sniffImageFormat(fs.readFileSync('IMG_0001.png')) // 'jpeg' if it really is a JPEG
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 16 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP' && ascii(bytes, 12, 15) === 'VP8') {
    return 'webp';
  }
  const brands = ftypBrands(bytes);
  if (brands) {
    if (HEVC_BRANDS.has(brands[0]!)) return 'heic';
    if (brands.some((b) => AVIF_BRANDS.has(b))) return null;
    if (brands.some((b) => HEVC_BRANDS.has(b) || HEIF_BRANDS.has(b))) return 'heic';
  }
  return null;
}
