// River segments 河段 from /api/rivers as blue lines, with the river, the segment and its chief 河长 on hover.
import type { Feature, LineString } from 'geojson';
import * as L from 'leaflet';
import type { Api } from '../api';
import type { RiverCollection, RiverProperties } from '../api-types';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import type { MapDatum } from './datum';

export type RiverLayerOptions = {
  api: Pick<Api, 'rivers'>;
  datum: MapDatum;
  /** Told when loading fails, and again (null) when it succeeds. */
  onError?: (error: unknown | null) => void;
};

const RIVER_STYLE: L.PathOptions = { className: 'xc-river', color: '#1c7ed6', weight: 5, opacity: 0.85, lineCap: 'round' };

function tooltipContent(layer: L.Layer): HTMLElement {
  const p = (layer as L.Path & { feature?: Feature<LineString, RiverProperties> }).feature?.properties;
  if (!p) return h('span');
  return h('span', {}, [
    h('strong', { text: `${p.river_name} · ${p.name}` }),
    ...(p.chief_name ? [h('span', { class: 'xc-river-chief', text: t('workbench.river.chief', { name: p.chief_name }) })] : []),
  ]);
}

export class RiverLayer extends L.Layer {
  private readonly lines: L.GeoJSON;
  private data: RiverCollection | null = null;
  private inFlight: AbortController | null = null;
  private stopDatum: (() => void) | null = null;

  constructor(private readonly settings: RiverLayerOptions) {
    super();
    this.lines = L.geoJSON(undefined, {
      style: () => RIVER_STYLE,
      // Drawn where the base map expects them: shifted on GCJ-02 tiles, as they are on WGS-84 ones.
      coordsToLatLng: (c) => {
        const [lon, lat] = settings.datum.toDisplay([c[0]!, c[1]!]);
        return L.latLng(lat, lon);
      },
      onEachFeature: (_f, layer) => (layer as L.Path).bindTooltip(tooltipContent, { sticky: true, className: 'xc-area-tooltip' }),
    });
  }

  override onAdd(map: L.Map): this {
    map.addLayer(this.lines);
    this.stopDatum = this.settings.datum.onChange(() => this.draw());
    if (!this.data) void this.load();
    return this;
  }

  override onRemove(map: L.Map): this {
    this.inFlight?.abort();
    this.inFlight = null;
    this.stopDatum?.();
    map.removeLayer(this.lines);
    return this;
  }

  async load(): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      this.data = await this.settings.api.rivers(controller.signal);
      this.draw();
      this.settings.onError?.(null);
    } catch (error) {
      if (!controller.signal.aborted) this.settings.onError?.(error);
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  private draw(): void {
    this.lines.clearLayers();
    if (this.data) this.lines.addData(this.data);
  }
}
