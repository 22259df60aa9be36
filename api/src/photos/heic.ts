// HEIC/HEIF decoding with libheif compiled to WASM (heic-decode): the sharp build from npm has
// no HEVC decoder. The container is parsed first, so a file that claims too many pixels is
// refused before any pixel memory is allocated.
import { ImageError } from './image-error';

/** Decoded pixels, 4 bytes (RGBA) per pixel, already turned upright by the file's irot/imir. */
export type RgbaImage = { width: number; height: number; data: Buffer };

/**
 * Decodes the first top-level image of a HEIC file, the one iPhones and Android phones store
 * the photo in (heic-decode exposes no "primary" flag; its own one-shot decode takes the same).
 * Throws ImageError: image_too_large past `maxPixels`, image_unreadable for anything undecodable.
 * Note: libheif runs synchronously inside the WASM module, about 1 s of CPU per 12 MP.
 */
export async function decodeHeic(bytes: Buffer, maxPixels: number): Promise<RgbaImage> {
  // Loaded on the first HEIC, not at start-up: compiling the WASM module costs ~150 ms.
  const { default: heicDecode } = await import('heic-decode');
  let images: Awaited<ReturnType<typeof heicDecode.all>>;
  try {
    images = await heicDecode.all({ buffer: bytes });
  } catch (cause) {
    throw new ImageError('image_unreadable', 'the HEIC container cannot be read', { cause });
  }
  try {
    const first = images[0];
    if (!first || !(first.width > 0) || !(first.height > 0)) throw new ImageError('image_unreadable', 'the HEIC file holds no image');
    if (first.width * first.height > maxPixels) {
      throw new ImageError('image_too_large', `image is ${first.width}x${first.height}, more than ${maxPixels} pixels`);
    }
    let pixels: Awaited<ReturnType<typeof first.decode>>;
    try {
      pixels = await first.decode();
    } catch (cause) {
      throw new ImageError('image_unreadable', 'the HEIC image cannot be decoded', { cause });
    }
    const data = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.byteLength);
    return { width: pixels.width, height: pixels.height, data };
  } finally {
    images.dispose();
  }
}
