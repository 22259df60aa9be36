import { describe, expect, it } from 'vitest';
import { chooseLocation } from './report-location';

const bank = { lon: 120.6, lat: 31.3 };
const near = { lon: 120.6005, lat: 31.3 }; // ~48 m east
const far = { lon: 120.61, lat: 31.3 }; // ~950 m east

describe('chooseLocation', () => {
  it('prefers the first valid EXIF point over the device', () => {
    const c = chooseLocation({ exifPoints: [null, { lon: 0, lat: 0 }, bank], device: near, manual: false, conflictM: 200 })!;
    expect(c.source).toBe('exif');
    expect(c.point).toEqual(bank);
    expect(c.device).toEqual(near);
    expect(c.conflict).toBe(false);
    expect(c.disagreementM).toBeCloseTo(47.6, 0);
  });

  it('falls back to the device, and flags a conflict beyond the limit', () => {
    expect(chooseLocation({ exifPoints: [null], device: far, manual: false, conflictM: 200 })).toMatchObject({ source: 'device', point: far, conflict: false });
    expect(chooseLocation({ exifPoints: [bank], device: far, manual: false, conflictM: 200 })).toMatchObject({ source: 'exif', conflict: true });
    expect(chooseLocation({ exifPoints: [bank], device: far, manual: false, conflictM: 2000 })).toMatchObject({ conflict: false });
  });

  it('takes a hand-placed pin over EXIF, still noting the disagreement', () => {
    expect(chooseLocation({ exifPoints: [bank], device: far, manual: true, conflictM: 200 })).toMatchObject({ source: 'manual', point: far, exif: bank, conflict: true });
  });

  it('returns null with nothing usable', () => {
    expect(chooseLocation({ exifPoints: [], device: null, manual: false, conflictM: 200 })).toBeNull();
    expect(chooseLocation({ exifPoints: [{ lon: NaN, lat: 1 }], device: { lon: 200, lat: 0 }, manual: true, conflictM: 200 })).toBeNull();
  });
});
