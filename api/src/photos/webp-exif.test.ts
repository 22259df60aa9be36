import { describe, expect, it } from 'vitest';
import { photoFixture } from '../../../tests/fixtures/photos/index';
import { imageWithExif, testImage } from '../../../tests/fixtures/photos/synthetic';
import { webpExif } from './webp-exif';

describe('webpExif', () => {
  it('finds the TIFF data of a WebP EXIF chunk, without the Exif\\0\\0 prefix', async () => {
    const tiff = webpExif(await imageWithExif({ IFD0: { Make: 'XunCha' } }, 'webp'));
    expect(tiff && Buffer.from(tiff.subarray(0, 4)).toString('latin1')).toMatch(/^(II\*\0|MM\0\*)$/);
  });

  it('gives null for a WebP without EXIF, other formats and truncated files', async () => {
    expect(webpExif(await testImage('webp'))).toBeNull();
    expect(webpExif(photoFixture('jpg_gps_DSCN0010.jpg'))).toBeNull();
    const withExif = await imageWithExif({ IFD0: { Make: 'XunCha' } }, 'webp');
    expect(webpExif(withExif.subarray(0, 20))).toBeNull();
  });
});
