import { describe, expect, it } from 'vitest';
import { photoFixture } from '../../../tests/fixtures/photos/index';
import { testImage } from '../../../tests/fixtures/photos/synthetic';
import { sniffImageFormat } from './sniff';

/** An ISO-BMFF 'ftyp' box with the given major and compatible brands, then some filler. */
function ftyp(major: string, compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((b, i) => box.write(b, 16 + 4 * i, 'latin1'));
  return Buffer.concat([box, Buffer.alloc(64)]);
}

describe('sniffImageFormat', () => {
  it('knows each accepted format from real bytes', async () => {
    expect(sniffImageFormat(photoFixture('jpg_gps_DSCN0010.jpg'))).toBe('jpeg');
    expect(sniffImageFormat(await testImage('png'))).toBe('png');
    expect(sniffImageFormat(await testImage('webp'))).toBe('webp');
    expect(sniffImageFormat(photoFixture('heic_IMG_5195.HEIC'))).toBe('heic');
    expect(sniffImageFormat(photoFixture('heic_iphone_13_pro_max.HEIC'))).toBe('heic');
  });

  it('goes by the bytes, not the name: a JPEG sent as photo.png is a JPEG', () => {
    const upload = new File([new Uint8Array(photoFixture('jpg_Canon_40D.jpg'))], 'photo.png', { type: 'image/png' });
    expect(upload.name).toBe('photo.png');
    expect(sniffImageFormat(photoFixture('jpg_Canon_40D.jpg'))).toBe('jpeg');
  });

  it('accepts generic HEIF brands but refuses AVIF, which shares the container', () => {
    expect(sniffImageFormat(ftyp('mif1', ['mif1', 'heic']))).toBe('heic');
    expect(sniffImageFormat(ftyp('heix', ['mif1']))).toBe('heic');
    expect(sniffImageFormat(ftyp('avif', ['mif1', 'miaf']))).toBeNull();
    expect(sniffImageFormat(ftyp('mif1', ['mif1', 'miaf', 'avif']))).toBeNull();
    expect(sniffImageFormat(ftyp('isom', ['isom', 'mp41']))).toBeNull(); // an MP4 video
  });

  it('refuses text, GIF, AVIF, empty input and truncated headers', async () => {
    expect(sniffImageFormat(Buffer.from('hello, this is not a photo'))).toBeNull();
    expect(sniffImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageFormat(await testImage('gif'))).toBeNull();
    expect(sniffImageFormat(await testImage('avif'))).toBeNull();
    expect(sniffImageFormat(new Uint8Array(0))).toBeNull();
    expect(sniffImageFormat(photoFixture('jpg_Canon_40D.jpg').subarray(0, 2))).toBeNull();
    expect(sniffImageFormat((await testImage('png')).subarray(0, 6))).toBeNull();
    expect(sniffImageFormat((await testImage('webp')).subarray(0, 12))).toBeNull();
    expect(sniffImageFormat(photoFixture('heic_IMG_5195.HEIC').subarray(0, 12))).toBeNull();
  });
});
