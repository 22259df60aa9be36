import { describe, expect, it } from 'vitest';
import { photoFixture } from '../../../tests/fixtures/photos/index';
import { imageWithExif } from '../../../tests/fixtures/photos/synthetic';
import { readPhotoMetadata } from './exif';
import { gpsFromExif } from './exif-gps';

const ZONE = 'Asia/Shanghai';

describe('readPhotoMetadata on real photos', () => {
  it('reads GPS and the capture time of the Nikon photo, its time as Shanghai local time', async () => {
    const m = await readPhotoMetadata(photoFixture('jpg_gps_DSCN0010.jpg'), ZONE);
    expect(m.gps?.lat).toBeCloseTo(43.4674, 3);
    expect(m.gps?.lon).toBeCloseTo(11.8851, 3);
    // DateTimeOriginal 2008:10:22 16:28:39, no offset: 16:28:39 at UTC+8.
    expect(m.takenAt?.toISOString()).toBe('2008-10-22T08:28:39.000Z');
    expect(m.orientation).toBe(1);
  });

  it('reads GPS (western hemisphere) and OffsetTimeOriginal from an iPhone HEIC', async () => {
    const m = await readPhotoMetadata(photoFixture('heic_IMG_5195.HEIC'), ZONE);
    expect(m.gps?.lat).toBeCloseTo(39.0513, 3);
    expect(m.gps?.lon).toBeCloseTo(-94.2888, 3);
    // 2021:04:11 15:47:53 with OffsetTimeOriginal -05:00: the zone parameter does not apply.
    expect(m.takenAt?.toISOString()).toBe('2021-04-11T20:47:53.000Z');
  });

  it('finds no GPS where there is none', async () => {
    for (const name of ['jpg_Canon_40D.jpg', 'jpg_mobile_jolla.jpg', 'heic_iphone_13_pro_max.HEIC']) {
      expect((await readPhotoMetadata(photoFixture(name), ZONE)).gps, name).toBeNull();
    }
    const iphone = await readPhotoMetadata(photoFixture('heic_iphone_13_pro_max.HEIC'), ZONE);
    expect(iphone.takenAt?.toISOString()).toBe('2022-02-16T11:55:41.000Z'); // 12:55:41 +01:00
    expect(iphone.orientation).toBe(6);
  });

  it('gives nulls, not an error, for photos without EXIF, damaged files and non-images', async () => {
    const none = { gps: null, takenAt: null, orientation: null };
    expect(await readPhotoMetadata(photoFixture('jpg_invalid_image01137.jpg'), ZONE)).toEqual(none);
    expect(await readPhotoMetadata(Buffer.from('not a photo at all'), ZONE)).toEqual(none);
    expect(await readPhotoMetadata(Buffer.alloc(0), ZONE)).toEqual(none);
    expect(await readPhotoMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 10, 0x45, 0x78, 0x69, 0x66]), ZONE)).toEqual(none);
    const corrupted = await readPhotoMetadata(photoFixture('jpg_corrupted.jpg'), ZONE);
    expect(corrupted.gps).toBeNull(); // its EXIF header is intact, so the time is still there
    expect(corrupted.takenAt?.toISOString()).toBe('2015-09-08T03:02:17.000Z');
  });

  it('refuses an unknown time zone name, as that is a setup error', async () => {
    await expect(readPhotoMetadata(photoFixture('jpg_gps_DSCN0010.jpg'), 'Asia/Atlantis')).rejects.toThrow(RangeError);
  });
});

describe('readPhotoMetadata on crafted EXIF', () => {
  const time = { DateTimeOriginal: '2024:05:01 10:00:00' };

  it('drops a 0,0 position (a phone without a fix) but keeps the time', async () => {
    const bytes = await imageWithExif({
      IFD2: time,
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' },
    });
    const m = await readPhotoMetadata(bytes, ZONE);
    expect(m.gps).toBeNull();
    expect(m.takenAt?.toISOString()).toBe('2024-05-01T02:00:00.000Z');
  });

  it('drops out-of-range and hemisphere-less positions', async () => {
    const over = await imageWithExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '95/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 0/1 0/1' } });
    expect((await readPhotoMetadata(over, ZONE)).gps).toBeNull();
    const noRef = await imageWithExif({ IFD3: { GPSLatitude: '31/1 12/1 0/1', GPSLongitude: '120/1 30/1 0/1' } });
    expect((await readPhotoMetadata(noRef, ZONE)).gps).toBeNull();
  });

  it('reads a valid crafted position and an explicit offset', async () => {
    const bytes = await imageWithExif({
      IFD2: { ...time, OffsetTimeOriginal: '+02:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 12/1 36/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 30/1 0/1' },
    });
    const m = await readPhotoMetadata(bytes, ZONE);
    expect(m.gps).toEqual({ lat: 31.21, lon: 120.5 });
    expect(m.takenAt?.toISOString()).toBe('2024-05-01T08:00:00.000Z');
  });

  it('reads EXIF from PNG and from WebP (whose RIFF container exifr does not know)', async () => {
    const exif = { IFD2: time, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '33/1 52/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '151/1 12/1 0/1' } };
    for (const bytes of [await imageWithExif(exif, 'png'), await imageWithExif(exif, 'webp')]) {
      const m = await readPhotoMetadata(bytes, ZONE);
      expect(m.gps?.lat).toBeCloseTo(-33.8667, 3);
      expect(m.gps?.lon).toBeCloseTo(151.2, 3);
      expect(m.takenAt?.toISOString()).toBe('2024-05-01T02:00:00.000Z');
    }
  });
});

describe('gpsFromExif', () => {
  const point = { GPSLatitude: [43, 28, 2.814], GPSLatitudeRef: 'N', GPSLongitude: [11, 53, 6.456], GPSLongitudeRef: 'E' };

  it('converts degrees, minutes, seconds and hemispheres', () => {
    expect(gpsFromExif(point)?.lat).toBeCloseTo(43.46745, 5);
    expect(gpsFromExif({ ...point, GPSLatitudeRef: 'S', GPSLongitudeRef: 'W' })?.lon).toBeCloseTo(-11.88513, 5);
    expect(gpsFromExif({ ...point, GPSLatitude: 43.5 })?.lat).toBe(43.5);
  });

  it('refuses NaN, negative parts, missing tags and Null Island', () => {
    expect(gpsFromExif({ ...point, GPSLatitude: [Number.NaN, 0, 0] })).toBeNull();
    expect(gpsFromExif({ ...point, GPSLongitude: [11, -53, 6] })).toBeNull();
    expect(gpsFromExif({ ...point, GPSLongitude: undefined })).toBeNull();
    expect(gpsFromExif({ ...point, GPSLatitudeRef: 'X' })).toBeNull();
    expect(gpsFromExif({ ...point, GPSLatitude: [0, 0, 0], GPSLongitude: [0, 0, 0] })).toBeNull();
    expect(gpsFromExif({ ...point, GPSLongitude: [181, 0, 0] })).toBeNull();
  });
});
