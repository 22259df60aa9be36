// Turns an upload into what the product shows: an upright display image (long edge about 2048 px)
// and a thumbnail (320 px), with every metadata tag gone but the colour profile. The only file
// that imports sharp.
import sharp, { type JpegOptions, type Metadata, type Sharp, type SharpOptions } from 'sharp';
import { displaySize, MAX_JPEG_SHRINK, thumbSize, type Size } from './derivative-size';
import { decodeHeic } from './heic';
import { ImageError } from './image-error';
import { embedIccProfile } from './jpeg-icc';
import { scratchPathsUsable, withScratchFile } from './scratch-file';
import { IMAGE_MIME, type ImageFormat } from './sniff';

export { ImageError, type ImageErrorCode } from './image-error';

// Every upload is a new image, so libvips' operation cache would only hold on to memory and to
// file handles of deleted scratch files.
sharp.cache(false);

export type Derivative = { bytes: Buffer; mime: string; width: number; height: number };

export type ProcessedPhoto = {
  format: ImageFormat;
  /** Media type of the original. */
  mime: string;
  /** Size of the original once upright. */
  width: number;
  height: number;
  display: Derivative;
  thumb: Derivative;
};

export type PhotoLimits = {
  /** Largest accepted width x height; checked from the header, before decoding. */
  maxPixels: number;
};

// Both derivatives are JPEG, for speed and reach. Measured on one core for a 1632x1224 display
// image: JPEG q82 encodes in about 8 ms, WebP q80 in about 170 ms (50 ms at effort 0), which
// alone would break the 130 ms budget per photo. WebP files are 1.4-2x smaller, but JPEG opens
// everywhere: old WeChat and Android WebViews, Office exports, Open311 clients. Huffman
// optimisation is off for the display image: it saves about 2 % of bytes for about 15 ms.
const DISPLAY_JPEG = { quality: 82, optimiseCoding: false } as const;
const THUMB_JPEG = { quality: 75 } as const;
const JPEG_MIME = 'image/jpeg';
const WHITE = { r: 255, g: 255, b: 255 };

// 'error' refuses damaged and truncated data, which libjpeg would otherwise pad out with grey,
// yet accepts the harmless warnings ('extraneous bytes before marker') that real cameras cause.
const FAIL_ON = 'error' as const;

const SHARP_FORMAT: Record<Exclude<ImageFormat, 'heic'>, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp' };

/** Maps a libvips failure while decoding to our error; a pixel-limit failure is a bomb. */
function decodeFailure(cause: unknown): ImageError {
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/pixel limit/i.test(message)) return new ImageError('image_too_large', 'image has more pixels than allowed', { cause });
  return new ImageError('image_unreadable', 'image data is damaged, truncated or not decodable', { cause });
}

async function toDerivative(pipeline: Sharp, jpeg: JpegOptions): Promise<Derivative> {
  const { data, info } = await pipeline.jpeg(jpeg).toBuffer({ resolveWithObject: true }).catch((err: unknown) => {
    throw decodeFailure(err);
  });
  return { bytes: data, mime: JPEG_MIME, width: info.width, height: info.height };
}

/** Header only: format, upright size and colour facts, and the pixel limit enforced. */
async function readHeader(bytes: Buffer, format: Exclude<ImageFormat, 'heic'>, input: SharpOptions, maxPixels: number): Promise<Metadata & Size> {
  // No pixel limit on the header read itself, so that an oversized image gets a message with its size.
  const meta = await sharp(bytes, { ...input, limitInputPixels: false }).metadata().catch((err: unknown) => {
    throw decodeFailure(err);
  });
  if (meta.format !== SHARP_FORMAT[format]) throw new ImageError('image_unreadable', `expected ${format} data, found ${meta.format ?? 'none'}`);
  const { width, height } = meta.autoOrient;
  if (!(width > 0) || !(height > 0)) throw new ImageError('image_unreadable', 'image has no size');
  if (width * height > maxPixels) throw new ImageError('image_too_large', `image is ${width}x${height}, more than ${maxPixels} pixels`);
  return { ...meta, width, height };
}

/** Display image of a JPEG, PNG or WebP: decoded (scaled on load where possible), upright, stripped. */
async function rasterDisplay(bytes: Buffer, format: Exclude<ImageFormat, 'heic'>, limits: PhotoLimits): Promise<{ original: Size; display: Derivative }> {
  const input: SharpOptions = { failOn: FAIL_ON, limitInputPixels: limits.maxPixels, autoOrient: true };
  const meta = await readHeader(bytes, format, input, limits.maxPixels);
  const size = displaySize(meta);
  const pipeline = (image: Sharp) => {
    let p = image.resize(size.width, size.height, { fit: 'fill' });
    if (meta.hasAlpha) p = p.flatten({ background: WHITE });
    // Keep an RGB image's profile (e.g. an iPhone's Display P3) as a label: dropping it shifts
    // colours, converting to sRGB roughly triples the cost of a 12 MP photo, and a profile holds
    // no personal data. Other spaces (CMYK, 16-bit, grey) take sharp's default path instead, a
    // conversion to plain sRGB, as their profile would not fit the 8-bit RGB output.
    return meta.space === 'srgb' ? p.keepIccProfile() : p;
  };
  // sharp lowers libjpeg's scale-on-load factor whenever the shrink's integer part equals it
  // (a guard against a rounding error, lovell/sharp#3066), so its resize from 4200 to 2048 px
  // would decode all 13 MP. libvips also takes the factor as a load option in a file name; the
  // factor leaves at least 2048 px (displaySize), and the resize does the rest.
  const scaleOnLoad = format === 'jpeg' && size.divisor > 1 && scratchPathsUsable();
  const full = () => toDerivative(pipeline(sharp(bytes, input)), DISPLAY_JPEG);
  const display = scaleOnLoad
    ? await withScratchFile(bytes, 'jpg', (file) =>
        toDerivative(pipeline(sharp(`${file}[shrink=${Math.min(size.divisor, MAX_JPEG_SHRINK)}]`, input)), DISPLAY_JPEG),
      ).catch((err: unknown) => {
        // A shrink that leaves a side under a pixel (a valid 1x60000 JPEG) fails in libjpeg: decode
        // it whole instead. Truly damaged data fails the full decode as well.
        if (err instanceof ImageError && err.code === 'image_unreadable') return full();
        throw err;
      })
    : await full();
  return { original: meta, display };
}

/** The ICC profile in a HEIC's container, if it has an RGB one (sharp reads HEIF headers). */
async function heicIccProfile(bytes: Buffer): Promise<Buffer | null> {
  const meta = await sharp(bytes).metadata().catch(() => null);
  const icc = meta?.icc;
  return icc && icc.length >= 128 && icc.toString('latin1', 16, 20) === 'RGB ' ? icc : null;
}

/** Display image of a HEIC: WASM decode, then the same resize, labelled with its own profile. */
async function heicDisplay(bytes: Buffer, limits: PhotoLimits): Promise<{ original: Size; display: Derivative }> {
  const pixels = await decodeHeic(bytes, limits.maxPixels);
  const size = displaySize(pixels);
  const raw = { width: pixels.width, height: pixels.height, channels: 4 as const };
  const display = await toDerivative(
    sharp(pixels.data, { raw, limitInputPixels: limits.maxPixels }).flatten({ background: WHITE }).resize(size.width, size.height, { fit: 'fill' }),
    DISPLAY_JPEG,
  );
  // Raw pixels carry no profile, and libheif does no colour management: an iPhone's pixels are
  // still Display P3, so they are labelled with the file's own profile, not converted.
  // (A HEIC that signals its colours only as CICP 'nclx' codes, with no ICC profile, is left
  // unlabelled, which viewers read as sRGB.)
  const icc = await heicIccProfile(bytes);
  return { original: pixels, display: icc ? { ...display, bytes: embedIccProfile(display.bytes, icc) } : display };
}

/**
 * Makes the display image and the thumbnail of an upload whose format was sniffed from its
 * bytes. Throws ImageError (image_unreadable, image_too_large) for bad images; anything else
 * thrown is a server fault.
 * @example const p = await processPhoto(bytes, sniffImageFormat(bytes)!, { maxPixels: 50_000_000 })
 */
export async function processPhoto(bytes: Buffer, format: ImageFormat, limits: PhotoLimits): Promise<ProcessedPhoto> {
  const { original, display } = format === 'heic' ? await heicDisplay(bytes, limits) : await rasterDisplay(bytes, format, limits);
  // From the display image, not the original: 12 ms instead of 35 ms for a 12 MP photo.
  const size = thumbSize(display);
  const thumb = await toDerivative(
    sharp(display.bytes, { failOn: FAIL_ON }).resize(size.width, size.height, { fit: 'fill' }).keepIccProfile(),
    THUMB_JPEG,
  );
  return { format, mime: IMAGE_MIME[format], width: original.width, height: original.height, display, thumb };
}
