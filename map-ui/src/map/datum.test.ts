// The GCJ-02 display shift: hundreds of metres inside China, undone exactly on the way back, and never applied on WGS-84 maps.
import { describe, expect, it } from 'vitest';
import { MapDatum, bboxFromDisplay, fromDisplay, toDisplay } from './datum';

const QINGXI: [number, number] = [120.585, 31.299];

/** Metres between two nearby lon/lat points (equirectangular is plenty at this scale). */
function metres(a: readonly number[], b: readonly number[]): number {
  const k = 111_320;
  const dx = (a[0]! - b[0]!) * k * Math.cos((a[1]! * Math.PI) / 180);
  const dy = (a[1]! - b[1]!) * k;
  return Math.hypot(dx, dy);
}

describe('display datum', () => {
  it('leaves points alone on WGS-84 tiles (OSM, Tianditu _w)', () => {
    expect(toDisplay(QINGXI, 'wgs84')).toEqual(QINGXI);
    expect(fromDisplay(QINGXI, 'wgs84')).toEqual(QINGXI);
  });

  it('shifts a point in China by a few hundred metres for GCJ-02 tiles, and back to within centimetres', () => {
    const shown = toDisplay(QINGXI, 'gcj02');
    const shift = metres(shown, QINGXI);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(800);
    // East and south in the Yangtze delta, as on every Amap map.
    expect(shown[0]).toBeGreaterThan(QINGXI[0]);
    expect(metres(fromDisplay(shown, 'gcj02'), QINGXI)).toBeLessThan(0.05);
  });

  it('does not shift points outside China (GCJ-02 only applies there)', () => {
    expect(toDisplay([2.35, 48.85], 'gcj02')).toEqual([2.35, 48.85]);
  });

  it('reads a view back to a WGS-84 bbox, and tells listeners when the datum changes', () => {
    const sw = toDisplay([120.5, 31.2], 'gcj02');
    const ne = toDisplay([120.6, 31.3], 'gcj02');
    const bbox = bboxFromDisplay(sw, ne, 'gcj02');
    expect(bbox.map((v) => Number(v.toFixed(5)))).toEqual([120.5, 31.2, 120.6, 31.3]);
    expect(bboxFromDisplay([-200, -95], [200, 95], 'wgs84')).toEqual([-180, -90, 180, 90]);

    const datum = new MapDatum();
    const seen: string[] = [];
    const stop = datum.onChange((d) => seen.push(d));
    datum.set('gcj02');
    datum.set('gcj02');
    expect(datum.toDisplay(QINGXI)).toEqual(toDisplay(QINGXI, 'gcj02'));
    stop();
    datum.set('wgs84');
    expect(seen).toEqual(['gcj02']);
  });
});
