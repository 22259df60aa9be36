import { describe, expect, it } from 'vitest';
import { photoFixture } from '../../../tests/fixtures/photos';
import { heicTruncated } from './heic-boxes';

describe('heicTruncated', () => {
  for (const name of ['heic_IMG_5195.HEIC', 'heic_iphone_13_pro_max.HEIC']) {
    const file = photoFixture(name);
    it(`accepts ${name} whole and refuses it cut anywhere`, () => {
      expect(heicTruncated(file)).toBe(false);
      for (const part of [0.5, 0.9, 0.999]) expect(heicTruncated(file.subarray(0, Math.floor(file.length * part))), String(part)).toBe(true);
    });
  }
});
