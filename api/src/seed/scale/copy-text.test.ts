import { describe, expect, it } from 'vitest';
import { copyField, copyLine, pointEwkb } from './copy-text';

describe('COPY text format', () => {
  it('writes nulls, booleans, numbers and escapes tabs, newlines and backslashes', () => {
    expect(copyLine([null, true, false, 42, 1.5, 'a\tb\nc\\d\re'])).toBe('\\N\tt\tf\t42\t1.5\ta\\tb\\nc\\\\d\\re\n');
  });

  it('writes text arrays, quoting elements that need it', () => {
    expect(copyField([])).toBe('{}');
    expect(copyField(['location_conflict', 'stale_photo'])).toBe('{location_conflict,stale_photo}');
    expect(copyField(['a b', 'x"y'])).toBe('{"a b","x\\\\"y"}');
  });

  it('writes objects as JSON, escaped like text', () => {
    expect(copyField({ note: '派遣\n至', n: 1 })).toBe('{"note":"派遣\\\\n至","n":1}');
  });

  it('refuses numbers PostgreSQL cannot read', () => {
    expect(() => copyField(Number.NaN)).toThrow(/cannot COPY/);
  });
});

describe('pointEwkb', () => {
  it('encodes a WGS-84 point as little-endian EWKB with SRID 4326', () => {
    const hex = pointEwkb(120.5, 31.25);
    expect(hex.slice(0, 18)).toBe('0101000020e6100000');
    const b = Buffer.from(hex, 'hex');
    expect(b.readDoubleLE(9)).toBe(120.5);
    expect(b.readDoubleLE(17)).toBe(31.25);
  });
});
