// Area names drawn on the map, one level at a time: the level a dispatcher reads at that zoom, so the map
// is never buried in text. Names are built as text nodes, never parsed as HTML.
import * as L from 'leaflet';
import type { AreaLevel, AreaProperties } from '../api-types';
import { h } from '../dom';

/** Above the area polygons, below the case markers: a name never hides a case. */
export const LABEL_PANE = 'xc-area-labels';

/** Makes the labels' pane on `map` once. */
export function ensureLabelPane(map: L.Map): void {
  if (map.getPane(LABEL_PANE)) return;
  const pane = map.createPane(LABEL_PANE);
  pane.style.zIndex = '450';
  pane.style.pointerEvents = 'none';
}

type Label = { level: AreaLevel; at: L.LatLng; marker: L.Marker };

/** The labels of every loaded area; only those of the current level inside the view are on the map. */
export class AreaLabels extends L.LayerGroup {
  private labels: Label[] = [];

  /** Replaces the labels; `toLatLng` places a (lon, lat) point the way the polygons are drawn (datum). */
  setAreas(areas: readonly AreaProperties[], toLatLng: (point: [number, number]) => L.LatLng): void {
    this.labels = areas.map((a) => {
      const at = toLatLng(a.label_point);
      const icon = L.divIcon({ className: `xc-area-label xc-area-label-${a.level}`, html: h('span', { text: a.name }), iconSize: undefined });
      return { level: a.level, at, marker: L.marker(at, { icon, interactive: false, keyboard: false, pane: LABEL_PANE }) };
    });
  }

  /** Shows the labels of `level` inside `bounds`, and no others. */
  show(level: AreaLevel | null, bounds: L.LatLngBounds): void {
    for (const label of this.labels) {
      const wanted = label.level === level && bounds.contains(label.at);
      if (wanted && !this.hasLayer(label.marker)) this.addLayer(label.marker);
      else if (!wanted && this.hasLayer(label.marker)) this.removeLayer(label.marker);
    }
  }
}
