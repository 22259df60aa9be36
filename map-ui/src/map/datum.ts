// The datum the base map is drawn in, and the display shift it needs. Our data is WGS-84, always;
// on a GCJ-02 base map (Amap 高德) each point is shifted as it is drawn, and each position read back
// from the map (a click, the view's bounds) is shifted back before it reaches the API.
import gcoord from 'gcoord';

export type Datum = 'wgs84' | 'gcj02';
export type LonLat = readonly [lon: number, lat: number];

/** Where a stored WGS-84 point is drawn on tiles of `datum`. */
export function toDisplay(p: LonLat, datum: Datum): [number, number] {
  if (datum === 'wgs84') return [p[0], p[1]];
  return gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as [number, number];
}

/** The WGS-84 point under a position read from a map drawn in `datum`. */
export function fromDisplay(p: LonLat, datum: Datum): [number, number] {
  if (datum === 'wgs84') return [p[0], p[1]];
  return gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number];
}

/** The WGS-84 bbox (minLon, minLat, maxLon, maxLat) of a view whose displayed corners are given. */
export function bboxFromDisplay(sw: LonLat, ne: LonLat, datum: Datum): [number, number, number, number] {
  const a = fromDisplay(sw, datum);
  const b = fromDisplay(ne, datum);
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  return [clamp(Math.min(a[0], b[0]), 180), clamp(Math.min(a[1], b[1]), 90), clamp(Math.max(a[0], b[0]), 180), clamp(Math.max(a[1], b[1]), 90)];
}

/**
 * The datum currently drawn, shared by every layer of one map. Layers listen and redraw when the
 * base map changes datum; the stored data they hold is never changed.
 */
export class MapDatum {
  private value: Datum = 'wgs84';
  private readonly listeners = new Set<(datum: Datum) => void>();

  get(): Datum {
    return this.value;
  }

  set(datum: Datum): void {
    if (datum === this.value) return;
    this.value = datum;
    for (const listener of this.listeners) listener(datum);
  }

  /** Calls `listener` after each change; returns the function that stops it. */
  onChange(listener: (datum: Datum) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  toDisplay(p: LonLat): [number, number] {
    return toDisplay(p, this.value);
  }

  fromDisplay(p: LonLat): [number, number] {
    return fromDisplay(p, this.value);
  }
}
