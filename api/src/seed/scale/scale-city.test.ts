import { describe, expect, it } from 'vitest';
import { createRandom } from '../demo-random';
import { buildScaleCity, CITY_COLS, CITY_ROWS } from './scale-city';
import { buildScalePeople } from './scale-people';
import { buildScaleRivers, pointOnBank } from './scale-rivers';

const city = buildScaleCity(1);

describe('the synthetic city', () => {
  it('has 4 districts, 32 streets, 128 communities, 512 grids and one micro-grid per lattice cell', () => {
    const count = (level: string) => city.areas.filter((a) => a.level === level).length;
    expect([count('district'), count('street'), count('community'), count('grid'), count('micro_grid')]).toEqual([4, 32, 128, 512, CITY_COLS * CITY_ROWS]);
    expect(new Set(city.areas.map((a) => a.code)).size).toBe(city.areas.length);
    expect(new Set(city.areas.map((a) => a.name)).size).toBe(city.areas.length);
  });

  it('lists parents before children, and every code starts with its parent code', () => {
    const seen = new Set<string>();
    for (const a of city.areas) {
      if (a.parentCode) {
        expect(seen.has(a.parentCode), a.code).toBe(true);
        expect(a.code.startsWith(a.parentCode)).toBe(true);
      }
      seen.add(a.code);
    }
  });

  it('closes every ring and finds each micro-grid by its own cell', () => {
    for (const a of city.areas) {
      const ring = a.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring.at(-1));
    }
    for (const m of city.microGrids) expect(city.microGridAt(m.col + 0.5, m.row + 0.5)).toBe(m);
    expect(city.microGridAt(-0.1, 3)).toBeUndefined();
    expect(city.microGridAt(3, CITY_ROWS)).toBeUndefined();
  });

  it('is the same for the same seed', () => {
    expect(buildScaleCity(1).areas.map((a) => a.name)).toEqual(city.areas.map((a) => a.name));
  });

  it('mixes neighbourhoods: estates most, then old blocks, villages, works, shops and some green', () => {
    const kinds = new Map<string, number>();
    for (const m of city.microGrids) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(['estate', 'green', 'old', 'shops', 'village', 'works']);
    expect(Math.max(...kinds.values())).toBe(kinds.get('estate'));
  });
});

describe('rivers and people', () => {
  const r = createRandom(5);
  const rivers = buildScaleRivers(city, r);
  const people = buildScalePeople(city, r);

  it('cut the rivers into segments, each in a street of the city', () => {
    expect(rivers.length).toBeGreaterThan(10);
    for (const s of rivers) expect(city.streets).toContain(s.streetCode);
  });

  it('puts bank points inside a micro-grid, away from cell edges', () => {
    for (let k = 0; k < 2000; k++) {
      const spot = pointOnBank(city, rivers[k % rivers.length]!, r);
      if (!spot) continue;
      const [u, v] = spot.point;
      expect(city.microGridAt(u, v)).toBeDefined();
      for (const x of [u, v]) expect(x - Math.floor(x)).toBeGreaterThan(0.01);
    }
  });

  it('gives six units per street, a default unit for every category, and unique user names', () => {
    expect(people.units.length).toBe(city.streets.length * 6);
    expect(people.areaUnits.filter((a) => a.categoryCode === null).length).toBe(city.streets.length);
    expect(new Set(people.users.map((u) => u.username)).size).toBe(people.users.length);
    expect(people.users.filter((u) => u.role === 'inspector').length).toBe(city.microGrids.length);
  });
});
