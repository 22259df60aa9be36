import { describe, expect, it } from 'vitest';
import { photoFixture } from '../../../tests/fixtures/photos/index';
import { displayP3Jpeg, heicClaiming, inspect, meanAbsDiff, pngBomb, testImage, type Inspection } from '../../../tests/fixtures/photos/synthetic';
import { ImageError, processPhoto, type ProcessedPhoto } from './image';

const LIMITS = { maxPixels: 50_000_000 };

async function rejection(p: Promise<unknown>): Promise<ImageError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ImageError);
  return err as ImageError;
}

/** Asserts that nothing but (at most) the colour profile survived. */
function expectStripped(seen: Inspection) {
  expect(seen.exif).toBeUndefined();
  expect(seen.xmp).toBeUndefined();
  expect(seen.iptc).toBeUndefined();
  expect(seen.comments ?? []).toEqual([]);
  expect(seen.exifTags).toBeUndefined();
}

const sizes = (p: ProcessedPhoto) => ({
  original: [p.width, p.height],
  display: [p.display.width, p.display.height],
  thumb: [p.thumb.width, p.thumb.height],
});

describe('processPhoto: orientation and size', () => {
  it('turns every EXIF orientation upright: same size, same picture', async () => {
    const upright = await processPhoto(photoFixture('jpg_orientation_landscape_1.jpg'), 'jpeg', LIMITS);
    expect(sizes(upright)).toEqual({ original: [600, 450], display: [600, 450], thumb: [320, 240] });
    for (const o of [3, 6, 8]) {
      const p = await processPhoto(photoFixture(`jpg_orientation_landscape_${o}.jpg`), 'jpeg', LIMITS);
      expect(sizes(p), `orientation ${o}`).toEqual(sizes(upright));
      expect(await meanAbsDiff(p.display.bytes, upright.display.bytes), `orientation ${o}`).toBeLessThan(8);
      expect(await meanAbsDiff(p.thumb.bytes, upright.thumb.bytes), `orientation ${o}`).toBeLessThan(8);
    }
    // The measure does tell pictures apart: the orientation-3 file left unrotated is far off.
    expect(await meanAbsDiff(photoFixture('jpg_orientation_landscape_3.jpg'), upright.display.bytes)).toBeGreaterThan(20);
  });

  it('brings a 3264x2448 phone JPEG to 2048 px for display and makes a 320 px thumbnail from it', async () => {
    const p = await processPhoto(photoFixture('jpg_mobile_jolla.jpg'), 'jpeg', LIMITS);
    expect(sizes(p)).toEqual({ original: [3264, 2448], display: [2048, 1536], thumb: [320, 240] });
    expect(p).toMatchObject({ format: 'jpeg', mime: 'image/jpeg', display: { mime: 'image/jpeg' }, thumb: { mime: 'image/jpeg' } });
    expect((await inspect(p.display.bytes)).format).toBe('jpeg');
    // The display image is the same picture as the original.
    expect(await meanAbsDiff(p.display.bytes, photoFixture('jpg_mobile_jolla.jpg'))).toBeLessThan(3);
  });

  it('decodes both iPhone HEICs; the rotated iPhone 13 one comes out portrait', async () => {
    const p11 = await processPhoto(photoFixture('heic_IMG_5195.HEIC'), 'heic', LIMITS);
    expect(sizes(p11)).toEqual({ original: [2566, 3313], display: [1586, 2048], thumb: [248, 320] });
    expect(p11).toMatchObject({ format: 'heic', mime: 'image/heic', display: { mime: 'image/jpeg' } });
    const p13 = await processPhoto(photoFixture('heic_iphone_13_pro_max.HEIC'), 'heic', LIMITS);
    expect(sizes(p13)).toEqual({ original: [3024, 4032], display: [1536, 2048], thumb: [240, 320] });
  });

  it('processes the odd small JPEG without EXIF (jpg_invalid_image01137.jpg) as it is', async () => {
    const p = await processPhoto(photoFixture('jpg_invalid_image01137.jpg'), 'jpeg', LIMITS);
    expect(sizes(p)).toEqual({ original: [88, 64], display: [88, 64], thumb: [88, 64] });
  });

  it('takes PNG (flattening transparency onto white) and WebP', async () => {
    const png = await processPhoto(await testImage('png', 640, 480, { alpha: true }), 'png', LIMITS);
    expect(sizes(png)).toEqual({ original: [640, 480], display: [640, 480], thumb: [320, 240] });
    expect(png.mime).toBe('image/png');
    const webp = await processPhoto(await testImage('webp', 3000, 2000), 'webp', LIMITS);
    expect(sizes(webp)).toEqual({ original: [3000, 2000], display: [2048, 1365], thumb: [320, 213] });
    expect(webp.mime).toBe('image/webp');
  });
});

describe('processPhoto: privacy and colour', () => {
  it('strips EXIF, GPS and XMP from both derivatives', async () => {
    const original = await inspect(photoFixture('jpg_gps_DSCN0010.jpg'));
    expect(original.exif).toBeDefined();
    expect(original.xmp).toBeDefined();
    expect(original.exifTags?.latitude).toBeCloseTo(43.467, 2);
    for (const name of ['jpg_gps_DSCN0010.jpg', 'jpg_mobile_jolla.jpg', 'heic_IMG_5195.HEIC']) {
      const p = await processPhoto(photoFixture(name), name.endsWith('.HEIC') ? 'heic' : 'jpeg', LIMITS);
      expectStripped(await inspect(p.display.bytes));
      expectStripped(await inspect(p.thumb.bytes));
    }
  });

  it('keeps a Display P3 profile on both derivatives, unchanged, and nothing else', async () => {
    const input = await displayP3Jpeg(4000, 3000);
    const icc = (await inspect(input)).icc!;
    const p = await processPhoto(input, 'jpeg', LIMITS);
    for (const d of [p.display, p.thumb]) {
      const seen = await inspect(d.bytes);
      expect(seen.icc?.equals(icc)).toBe(true);
      expectStripped(seen);
    }
  });

  it('labels HEIC derivatives with the file\'s own Display P3 profile', async () => {
    const p = await processPhoto(photoFixture('heic_IMG_5195.HEIC'), 'heic', LIMITS);
    expect((await inspect(p.display.bytes)).iccDescription).toBe('Display P3');
    expect((await inspect(p.thumb.bytes)).iccDescription).toBe('Display P3');
  });

  it('adds no profile to a photo that had none', async () => {
    const p = await processPhoto(photoFixture('jpg_mobile_jolla.jpg'), 'jpeg', LIMITS);
    expect((await inspect(p.display.bytes)).icc).toBeUndefined();
  });
});

describe('processPhoto: bad input', () => {
  it('refuses the damaged JPEG as unreadable instead of padding it with grey', async () => {
    const err = await rejection(processPhoto(photoFixture('jpg_corrupted.jpg'), 'jpeg', LIMITS));
    expect(err.code).toBe('image_unreadable');
  });

  it('refuses a truncated JPEG, a HEIC with a broken body and bytes of another format', async () => {
    const jolla = photoFixture('jpg_mobile_jolla.jpg');
    expect((await rejection(processPhoto(jolla.subarray(0, jolla.length * 0.6), 'jpeg', LIMITS))).code).toBe('image_unreadable');
    const heic = photoFixture('heic_IMG_5195.HEIC');
    expect((await rejection(processPhoto(heic.subarray(0, 4000), 'heic', LIMITS))).code).toBe('image_unreadable');
    expect((await rejection(processPhoto(await testImage('png'), 'jpeg', LIMITS))).code).toBe('image_unreadable');
    expect((await rejection(processPhoto(Buffer.from('garbage'), 'webp', LIMITS))).code).toBe('image_unreadable');
  });

  it('refuses a PNG decompression bomb from its header, fast, without decoding it', async () => {
    const bomb = pngBomb(20_000, 20_000); // 400 MP: decoding it to RGB would take 1.2 GB
    expect(bomb.length).toBeLessThan(200_000);
    const t0 = performance.now();
    const err = await rejection(processPhoto(bomb, 'png', LIMITS));
    expect(err.code).toBe('image_too_large');
    expect(err.message).toContain('20000x20000');
    expect(performance.now() - t0).toBeLessThan(300);
  });

  it('refuses a HEIC that claims 300 MP from its header, fast, without decoding it', async () => {
    const bomb = heicClaiming(photoFixture('heic_iphone_13_pro_max.HEIC'), 20_000, 15_000);
    const t0 = performance.now();
    const err = await rejection(processPhoto(bomb, 'heic', LIMITS));
    expect(err.code).toBe('image_too_large');
    expect(err.message).toContain('15000x20000'); // upright: the file's irot turns it
    expect(performance.now() - t0).toBeLessThan(300);
  });

  it('applies the configured pixel limit to ordinary photos too', async () => {
    const err = await rejection(processPhoto(photoFixture('jpg_mobile_jolla.jpg'), 'jpeg', { maxPixels: 5_000_000 }));
    expect(err.code).toBe('image_too_large');
    expect(err.message).toContain('3264x2448');
  });
});
