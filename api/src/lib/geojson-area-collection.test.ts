// Reading an area FeatureCollection: what is accepted, repaired, refused, and in which order it is written.
import { describe, expect, it } from 'vitest';
import { parentsFirst, parseAreaCollection } from './geojson-area-collection';

const square = [[[120, 31], [120.1, 31], [120.1, 31.1], [120, 31.1], [120, 31]]];
const feature = (props: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: square }) =>
  ({ type: 'Feature', properties: props, geometry });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('parseAreaCollection', () => {
  it('accepts numeric codes, drops heights, and closes unclosed rings as a repair', () => {
    const parsed = parseAreaCollection(collection(
      feature({ level: 'district', name: '区', code: 320599 }),
      feature({ level: 'street', name: '街道', code: '320599001', parent_code: 320599 },
        { type: 'Polygon', coordinates: [[[120, 31, 5], [120.1, 31, 5], [120.1, 31.1, 5]]] }),
    ));
    expect(parsed.problems).toEqual([]);
    expect(parsed.features.map((f) => [f.code, f.parentCode])).toEqual([['320599', null], ['320599001', '320599']]);
    expect(parsed.features[1]!.geometry.coordinates).toEqual([[[120, 31], [120.1, 31], [120.1, 31.1], [120, 31]]]);
    expect(parsed.repairs).toEqual([{ label: 'feature 320599001', note: 'closed the unclosed ring 0' }]);
  });

  it('refuses rings that can never be polygons, and a crs other than WGS-84', () => {
    const parsed = parseAreaCollection({
      ...collection(feature({ level: 'district', name: '区', code: 'D' }, { type: 'Polygon', coordinates: [[[120, 31], [121, 31]]] })),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
    });
    expect(parsed.problems).toEqual([
      expect.stringMatching(/crs is urn:ogc:def:crs:EPSG::4490/),
      'feature D: ring 0 has fewer than 3 corners, so it cannot be repaired into a polygon',
    ]);
  });

  it('asks every level but a district for a parent', () => {
    expect(parseAreaCollection(collection(feature({ level: 'grid', name: '网格', code: 'G' }))).problems)
      .toEqual(['feature G: a grid needs a parent_code (only a district has none)']);
  });

  it('does not call a child of a broken parent an orphan', () => {
    const parsed = parseAreaCollection(collection(
      feature({ level: 'district', name: '', code: 'D' }),
      feature({ level: 'street', name: '街道', code: 'S', parent_code: 'D' }),
    ));
    expect(parsed.problems).toEqual(['feature D: properties.name is missing or empty']);
    expect(parsed.codesInFile).toEqual(new Set(['D', 'S']));
  });
});

describe('parentsFirst', () => {
  it('puts each area in the batch after its parent, whatever the file order', () => {
    const parsed = parseAreaCollection(collection(
      feature({ level: 'micro_grid', name: 'm', code: 'M', parent_code: 'G' }),
      feature({ level: 'grid', name: 'g', code: 'G', parent_code: 'C' }),
      feature({ level: 'community', name: 'c', code: 'C', parent_code: 'S-in-db' }),
      feature({ level: 'district', name: 'd', code: 'D' }),
    ));
    expect(parentsFirst(parsed.features).map((b) => b.map((f) => f.code))).toEqual([['C', 'D'], ['G'], ['M']]);
  });
});
