// The layers panel: which base map (OSM, Tianditu, Amap, or none) and which overlays (areas, rivers, cases) are shown.
// Choosing a GCJ-02 base map switches the shared datum, so every layer redraws shifted for it.
import * as L from 'leaflet';
import type { BaseMapConfig } from '../api-types';
import { h, uniqueId } from '../dom';
import { onLanguageChange, t, type MessageKey } from '../i18n/i18n';
import { BaseTileLayer } from './BaseTileLayer';
import type { MapDatum } from './datum';

export type Overlay = { id: string; label: MessageKey; layer: L.Layer };

export type BaseMapSwitcherOptions = L.ControlOptions & {
  /** From /api/config; the first is the default. */
  baseMaps: readonly BaseMapConfig[];
  datum: MapDatum;
  overlays: readonly Overlay[];
  /** Told `false` when the chosen base map's tiles cannot be had, `true` when they load (or none is chosen). */
  onAvailabilityChange?: (available: boolean) => void;
  /** Start folded (on a phone). */
  collapsed?: boolean;
};

const STORAGE_KEY = 'xuncha.baseMap';
type Choice = BaseMapConfig['id'] | 'none';

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export class BaseMapSwitcher extends L.Control {
  private tiles: L.LayerGroup | null = null;
  private current: Choice = 'none';
  private hostMap: L.Map | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly settings: BaseMapSwitcherOptions) {
    super({ position: 'topright', ...settings });
  }

  /** The base map on show. */
  get choice(): Choice {
    return this.current;
  }

  override onAdd(map: L.Map): HTMLElement {
    this.hostMap = map;
    const { baseMaps, overlays } = this.settings;
    const stored = storedChoice();
    const initial: Choice = stored === 'none' ? 'none' : (baseMaps.find((b) => b.id === stored)?.id ?? baseMaps[0]?.id ?? 'none');

    const group = uniqueId('xc-basemap');
    const texts: [HTMLElement, MessageKey][] = [];
    const option = (type: 'radio' | 'checkbox', label: MessageKey, attrs: Record<string, string>, checked: boolean, onChange: (on: boolean) => void) => {
      const input = h('input', { attrs: { type, ...attrs } });
      input.checked = checked;
      input.addEventListener('change', () => onChange(input.checked));
      const text = h('span');
      texts.push([text, label]);
      return h('label', { class: 'xc-layers-option' }, [input, text]);
    };
    const choices: Choice[] = [...baseMaps.map((b) => b.id), 'none'];
    const baseLegend = h('legend');
    const overlayLegend = h('legend');
    texts.push([baseLegend, 'workbench.layers.baseMaps'], [overlayLegend, 'workbench.layers.overlays']);
    const summary = h('summary', { class: 'xc-legend-title' });
    texts.push([summary, 'workbench.layers.title']);
    const details = h('details', { class: 'xc-map-panel xc-layers leaflet-bar' }, [
      summary,
      h('fieldset', { class: 'xc-layers-group' }, [
        baseLegend,
        ...choices.map((id) =>
          option('radio', `workbench.basemap.${id}`, { name: group, value: id, 'data-basemap': id }, id === initial, (on) => on && this.show(id)),
        ),
      ]),
      h('fieldset', { class: 'xc-layers-group' }, [
        overlayLegend,
        ...overlays.map((o) =>
          option('checkbox', o.label, { 'data-overlay': o.id }, map.hasLayer(o.layer), (on) => (on ? map.addLayer(o.layer) : map.removeLayer(o.layer))),
        ),
      ]),
    ]);
    details.open = !this.settings.collapsed;
    const render = () => {
      for (const [el, key] of texts) el.textContent = t(key);
    };
    render();
    this.stopListening = onLanguageChange(render);
    L.DomEvent.disableClickPropagation(details);
    L.DomEvent.disableScrollPropagation(details);
    this.show(initial);
    return details;
  }

  override onRemove(map: L.Map): void {
    this.stopListening?.();
    if (this.tiles) map.removeLayer(this.tiles);
    this.tiles = null;
    this.hostMap = null;
  }

  /** Puts base map `id` under the overlays and switches the datum to the one its tiles are drawn in. */
  show(id: Choice): void {
    const map = this.hostMap;
    if (!map) return;
    if (this.tiles) map.removeLayer(this.tiles);
    this.tiles = null;
    this.current = id;
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Not remembered; the choice still holds for this page.
    }
    const config = this.settings.baseMaps.find((b) => b.id === id);
    this.settings.datum.set(config?.datum ?? 'wgs84');
    this.settings.onAvailabilityChange?.(true);
    if (!config) return;
    const layers = config.layers.map(
      (url, i) =>
        new BaseTileLayer(url, {
          subdomains: config.subdomains,
          maxZoom: config.maxZoom,
          // Tianditu's label layer shares the map's attribution.
          ...(i === 0 ? { attribution: config.attribution } : {}),
          ...(i === 0 ? { onAvailabilityChange: (ok: boolean) => this.current === id && this.settings.onAvailabilityChange?.(ok) } : {}),
        }),
    );
    this.tiles = L.layerGroup(layers).addTo(map);
    for (const layer of layers) layer.bringToBack();
  }
}
