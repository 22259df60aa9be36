// Region splitting and outline tracing, and the demo district built from them.
import { describe, expect, it } from 'vitest';
import { buildDemoDistrict } from './demo-areas';
import { cellIsConvex } from './demo-lattice';
import { checkRegion, evenSizes, regionCells, regionRing, splitCols, splitRows, type Region } from './demo-regions';

/** Twice the signed area of a ring of lattice points (positive when counter-clockwise). */
const area2 = (ring: readonly (readonly [number, number])[]) =>
  ring.slice(1).reduce((s, p, k) => s + ring[k]![0] * p[1] - p[0] * ring[k]![1], 0);

describe('regions', () => {
  const stairs: Region = { row0: 2, spans: [[1, 4], [0, 4], [2, 5]] };

  it('trace a closed counter-clockwise ring through every boundary vertex', () => {
    const ring = regionRing(stairs);
    expect(ring[0]).toEqual(ring.at(-1));
    expect(area2(ring) / 2).toBe(regionCells(stairs).length);
    // Unit steps only: no vertex on the outline is skipped.
    ring.slice(1).forEach((p, k) => expect(Math.abs(p[0] - ring[k]![0]) + Math.abs(p[1] - ring[k]![1])).toBe(1));
  });

  it('split into parts whose cells partition the whole', () => {
    const wide: Region = { row0: 0, spans: [[1, 5], [0, 5], [1, 6]] };
    const key = (c: [number, number]) => c.join(',');
    const all = regionCells(wide).map(key).sort();
    const byRows = splitRows(wide, [1, 2]);
    const byCols = splitCols(wide, 2, (row) => (row === 1 ? -1 : 0));
    expect(byRows.flatMap(regionCells).map(key).sort()).toEqual(all);
    expect(byCols.flatMap(regionCells).map(key).sort()).toEqual(all);
    expect(byCols[0]!.spans).toEqual([[1, 3], [0, 2], [1, 4]]);
    for (const p of [...byRows, ...byCols]) expect(() => checkRegion(p, 'part')).not.toThrow();
  });

  it('refuse regions that would not trace as one simple ring', () => {
    expect(() => checkRegion({ row0: 0, spans: [[0, 2], [2, 4]] }, 'corner')).toThrow(/do not overlap/);
    expect(() => checkRegion({ row0: 0, spans: [[0, 2], [3, 3]] }, 'empty')).toThrow(/empty/);
  });

  it('share out rows evenly', () => {
    expect(evenSizes(7, 3)).toEqual([2, 2, 3]);
    expect(evenSizes(7, 3, true)).toEqual([3, 2, 2]);
  });
});

describe('the demo district', () => {
  const d = buildDemoDistrict();

  it('keeps every lattice cell convex, so jittered outlines never cross themselves', () => {
    for (let j = 0; j < d.lattice.rows; j++) for (let i = 0; i < d.lattice.cols; i++) expect(cellIsConvex(d.lattice, i, j), `${i},${j}`).toBe(true);
  });

  it('gives each district cell to exactly one micro-grid', () => {
    const district = d.areas.find((a) => a.level === 'district')!;
    const micro = d.areas.filter((a) => a.level === 'micro_grid');
    expect(micro.reduce((n, m) => n + regionCells(m.region).length, 0)).toBe(regionCells(district.region).length);
    for (const [i, j] of regionCells(district.region)) expect(d.microGridAt(i + 0.5, j + 0.5)).toBeDefined();
  });

  it('is the same on every call', () => {
    expect(JSON.stringify(buildDemoDistrict().areas)).toBe(JSON.stringify(d.areas));
  });
});
