import { describe, expect, it } from 'vitest';
import { degreesAround, distanceM, isValidLonLat } from './geo';

describe('isValidLonLat', () => {
  it('accepts real fixes and refuses broken ones', () => {
    expect(isValidLonLat({ lon: 120.6, lat: 31.3 })).toBe(true);
    expect(isValidLonLat({ lon: -94.289, lat: 39.051 })).toBe(true);
    expect(isValidLonLat({ lon: 0, lat: 0 })).toBe(false);
    expect(isValidLonLat({ lon: NaN, lat: 31 })).toBe(false);
    expect(isValidLonLat({ lon: 181, lat: 31 })).toBe(false);
    expect(isValidLonLat({ lon: 120, lat: -91 })).toBe(false);
    expect(isValidLonLat({ lon: Infinity, lat: 31 })).toBe(false);
    expect(isValidLonLat({ lon: '120', lat: 31 })).toBe(false);
  });
});

describe('distanceM', () => {
  it('measures a known distance', () => {
    // 0.001° of longitude at 31.3 N is about 95 m.
    expect(distanceM({ lon: 120.6, lat: 31.3 }, { lon: 120.601, lat: 31.3 })).toBeCloseTo(95.1, 0);
    expect(distanceM({ lon: 120.6, lat: 31.3 }, { lon: 120.6, lat: 31.3 })).toBe(0);
    // One degree of latitude: about 111.2 km.
    expect(distanceM({ lon: 0, lat: 10 }, { lon: 0, lat: 11 }) / 1000).toBeCloseTo(111.2, 1);
  });
});

describe('degreesAround', () => {
  it('always contains the radius', () => {
    for (const lat of [0, 31.3, 60, 85]) {
      const p = { lon: 100, lat };
      const { dLon, dLat } = degreesAround(p, 200);
      expect(distanceM(p, { lon: 100 + dLon, lat })).toBeGreaterThanOrEqual(200);
      expect(distanceM(p, { lon: 100, lat: lat + dLat })).toBeGreaterThanOrEqual(200);
    }
  });
});
