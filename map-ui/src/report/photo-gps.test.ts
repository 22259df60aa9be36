// Which EXIF positions the report form trusts. Reading real photos is checked in the browser
// (tests/e2e/inspector.e2e.test.ts), where the form reads a fixture photo's GPS before upload.
import { describe, expect, it } from 'vitest';
import { usableGps } from './photo-gps';

describe('usableGps', () => {
  it('keeps a real position', () => {
    expect(usableGps({ latitude: 31.2, longitude: 120.5 })).toEqual({ lat: 31.2, lon: 120.5 });
  });

  it('refuses a missing fix, (0, 0) from cameras without one, and out-of-range values', () => {
    expect(usableGps(undefined)).toBeNull();
    expect(usableGps({ latitude: 0, longitude: 0 })).toBeNull();
    expect(usableGps({ latitude: 91, longitude: 10 })).toBeNull();
    expect(usableGps({ latitude: 30, longitude: Number.NaN })).toBeNull();
  });
});
