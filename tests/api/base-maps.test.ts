// Which base maps the UI is offered, from the settings.
import { describe, expect, it } from 'vitest';
import { baseMaps } from '../../api/src/features/ui-config/base-maps';

const osm = { tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', tileAttribution: '© OSM' };

describe('baseMaps', () => {
  it('offers Tianditu (map and labels, key in the URL) only with a key', () => {
    const maps = baseMaps({ ...osm, tiandituKey: 'k&1', amapTileUrl: undefined });
    expect(maps.map((m) => m.id)).toEqual(['osm', 'tianditu']);
    const tdt = maps[1]!;
    expect(tdt.datum).toBe('wgs84');
    expect(tdt.layers).toHaveLength(2);
    expect(tdt.layers[0]).toContain('vec_w/wmts');
    expect(tdt.layers[1]).toContain('cva_w/wmts');
    expect(tdt.layers[0]).toContain('tk=k%261');
  });

  it('marks Amap as GCJ-02 and leaves it out when switched off', () => {
    expect(baseMaps({ ...osm, tiandituKey: undefined, amapTileUrl: 'https://amap/{x}/{y}/{z}' }).at(-1)).toMatchObject({ id: 'amap', datum: 'gcj02' });
    expect(baseMaps({ ...osm, tiandituKey: undefined, amapTileUrl: undefined }).map((m) => m.id)).toEqual(['osm']);
  });
});
