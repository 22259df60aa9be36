import { describe, expect, it } from 'vitest';
import { cellBounds, cellCount, cellOf, cellRange, cellsPerAxis, GRID, gridFor, normX, normY, rangeBounds } from './tile-grid';

describe('tile-grid', () => {
  it('puts the origin and the corners of the world in the right cells', () => {
    expect(cellOf(0, 0, 0)).toEqual([2, 2]);
    expect(cellOf(-180, 85.06, 0)).toEqual([0, 0]);
    expect(cellOf(180, -85.06, 0)).toEqual([3, 3]);
    expect(cellOf(180, -90, 3)).toEqual([cellsPerAxis(3) - 1, cellsPerAxis(3) - 1]);
    expect(normX(200)).toBeLessThan(1);
    expect(normY(90)).toBeCloseTo(0, 9);
    expect(normY(-90)).toBeCloseTo(1, 9);
  });

  it('matches slippy-map tile numbers: 4 cells per 256-px tile', () => {
    // The OpenStreetMap wiki's formula for tile numbers, written independently.
    const tile = (lon: number, lat: number, z: number) => {
      const r = (lat * Math.PI) / 180;
      return [Math.floor(((lon + 180) / 360) * 2 ** z), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)];
    };
    for (const z of [3, 10, 15]) {
      const [gx, gy] = cellOf(121.4737, 31.2304, z);
      expect([Math.floor(gx / 4), Math.floor(gy / 4)]).toEqual(tile(121.4737, 31.2304, z));
    }
    expect(tile(121.4737, 31.2304, 10)).toEqual([857, 418]);
  });

  it('nests: a cell at zoom z is its child cell shifted right by one', () => {
    for (const [lon, lat] of [[120.5012, 31.2044], [73.5, 53.5], [134.7, 18.2], [-0.0001, 0.0001]] as const) {
      for (let z = 0; z < 20; z++) {
        const [x1, y1] = cellOf(lon, lat, z + 1);
        expect(cellOf(lon, lat, z)).toEqual([x1 >> 1, y1 >> 1]);
      }
    }
  });

  it('maps a bbox to the cells it touches, north row first', () => {
    const r = cellRange([120.5, 31.2, 120.6, 31.3], 12);
    expect(r.gx0).toBeLessThan(r.gx1);
    expect(r.gy0).toBeLessThan(r.gy1);
    expect(cellOf(120.5, 31.3, 12)).toEqual([r.gx0, r.gy0]);
    expect(cellOf(120.6, 31.2, 12)).toEqual([r.gx1, r.gy1]);
    expect(cellCount(cellRange([120.5, 31.2, 120.5, 31.2], 18))).toBe(1);
  });

  it('inverts: the bounds of a cell contain the points that fall in it', () => {
    const [gx, gy] = cellOf(120.5012, 31.2044, 14);
    const [w, s, e, n] = cellBounds(gx, gy, 14);
    expect(w).toBeLessThanOrEqual(120.5012);
    expect(e).toBeGreaterThan(120.5012);
    expect(s).toBeLessThan(31.2044);
    expect(n).toBeGreaterThanOrEqual(31.2044);
    expect(cellOf((w + e) / 2, (s + n) / 2, 14)).toEqual([gx, gy]);
    const all = rangeBounds({ z: 0, gx0: 0, gx1: 3, gy0: 0, gy1: 3 });
    expect(all[0]).toBe(-180);
    expect(all[2]).toBe(180);
    expect(all[3]).toBeCloseTo(GRID.maxLat, 6);
  });

  it('keeps every viewport within the cell budget, coarsening at most two zooms', () => {
    for (let z = 0; z <= 20; z++) {
      const r = gridFor([120.3, 31.0, 120.8, 31.4], z);
      if (r) expect(cellCount(r)).toBeLessThanOrEqual(GRID.maxCells);
    }
    // A 1920 × 1080 screen at zoom 16 fits on the next coarser grid.
    const screen = gridFor([120.5, 31.2, 120.5 + (1920 / (256 * 2 ** 16)) * 360, 31.2 + 0.02], 16);
    expect(screen?.z).toBe(15);
    // The whole of China at street zoom is no screen at all.
    expect(gridFor([73, 18, 135, 54], 16)).toBeNull();
    expect(gridFor([-180, -85, 180, 85], 0)).toEqual({ z: 0, gx0: 0, gx1: 3, gy0: 0, gy1: 3 });
  });
});
