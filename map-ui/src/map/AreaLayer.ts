// The area hierarchy from /api/areas as polygons coloured by level, one sub-layer per level so levels can be toggled.
import type { Feature, MultiPolygon } from 'geojson';
import * as L from 'leaflet';
import { AREA_LEVELS, type AreaCollection, type AreaLevel, type AreaProperties } from '../api-types';
import { h } from '../dom';
import { t } from '../i18n/i18n';
import { AreaLabels, ensureLabelPane } from './area-labels';
import { labelLevelAt } from './label-levels';
import { areaPathOptions, hoverPathOptions } from './area-styles';
import type { MapDatum } from './datum';

export type AreaLoadStatus =
  | { state: 'loading' }
  | { state: 'loaded'; count: number }
  | { state: 'failed'; error: unknown };

export type AreaLayerOptions = {
  /** Loads the areas; the layer aborts it through `signal` when removed mid-load. */
  load: (signal: AbortSignal) => Promise<AreaCollection>;
  /** Told when loading starts, ends or fails, so the view can say so. */
  onStatus?: (status: AreaLoadStatus) => void;
  /** Fit the map to the areas after the first load. */
  fitOnLoad?: boolean;
  /** Pixels kept free around the areas when fitting. */
  fitPadding?: number;
  /** The base map's datum: on GCJ-02 tiles the polygons are drawn shifted (the data never is). */
  datum?: MapDatum;
  /** Draw area names on the map, the level that suits the zoom (street, community, grid, micro-grid). */
  labels?: boolean;
};

type AreaPath = L.Path & { feature?: Feature<MultiPolygon, AreaProperties> };

/** Builds the tooltip at hover time, so it is always in the current language. */
function tooltipContent(layer: L.Layer): HTMLElement {
  const props = (layer as AreaPath).feature?.properties;
  if (!props) return h('span');
  return h('span', {}, [h('strong', { text: props.name }), h('span', { class: 'xc-area-tooltip-level', text: t(`level.${props.level}`) })]);
}

export class AreaLayer extends L.Layer {
  private readonly settings: Required<Omit<AreaLayerOptions, 'onStatus' | 'datum' | 'labels'>> & Pick<AreaLayerOptions, 'onStatus' | 'datum' | 'labels'>;
  private readonly labels: AreaLabels | null;
  private readonly toLatLng: (point: [number, number]) => L.LatLng;
  private readonly levels = new Map<AreaLevel, L.GeoJSON>();
  private readonly hidden = new Set<AreaLevel>();
  private loaded = false;
  private fitted = false;
  private inFlight: AbortController | null = null;
  private hostMap: L.Map | null = null;
  private collection: AreaCollection | null = null;
  private stopDatum: (() => void) | null = null;

  constructor(options: AreaLayerOptions) {
    super();
    this.settings = { fitOnLoad: true, fitPadding: 24, ...options };
    const datum = options.datum;
    const coordsToLatLng = datum
      ? (c: number[]) => {
          const [lon, lat] = datum.toDisplay([c[0]!, c[1]!]);
          return L.latLng(lat, lon);
        }
      : L.GeoJSON.coordsToLatLng;
    this.toLatLng = (p) => coordsToLatLng(p);
    this.labels = options.labels ? new AreaLabels() : null;
    for (const level of AREA_LEVELS) {
      this.levels.set(
        level,
        L.geoJSON(undefined, {
          coordsToLatLng: (c) => coordsToLatLng(c as [number, number]),
          style: () => areaPathOptions(level),
          onEachFeature: (_feature, layer) => this.wireFeature(layer as AreaPath, level),
        }),
      );
    }
  }

  override onAdd(map: L.Map): this {
    this.hostMap = map;
    this.showVisibleLevels(map);
    if (this.labels) {
      ensureLabelPane(map);
      map.addLayer(this.labels);
      map.on('zoomend moveend', this.updateLabels, this);
    }
    this.stopDatum = this.settings.datum?.onChange(() => this.collection && this.setAreas(this.collection)) ?? null;
    if (!this.loaded) void this.reload();
    return this;
  }

  override onRemove(map: L.Map): this {
    this.inFlight?.abort();
    this.inFlight = null;
    for (const group of this.levels.values()) map.removeLayer(group);
    if (this.labels) {
      map.off('zoomend moveend', this.updateLabels, this);
      map.removeLayer(this.labels);
    }
    this.stopDatum?.();
    this.stopDatum = null;
    this.hostMap = null;
    return this;
  }

  /** Fetches the areas again and redraws them; a load still running is abandoned. */
  async reload(): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    this.settings.onStatus?.({ state: 'loading' });
    try {
      const collection = await this.settings.load(controller.signal);
      if (controller.signal.aborted) return;
      this.setAreas(collection);
      this.settings.onStatus?.({ state: 'loaded', count: collection.features.length });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.settings.onStatus?.({ state: 'failed', error });
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  setLevelVisible(level: AreaLevel, visible: boolean): void {
    if (visible) this.hidden.delete(level);
    else this.hidden.add(level);
    if (this.hostMap) this.showVisibleLevels(this.hostMap);
    this.updateLabels();
  }

  isLevelVisible(level: AreaLevel): boolean {
    return !this.hidden.has(level);
  }

  /** The bounds of every loaded area; not valid before the first load. */
  getBounds(): L.LatLngBounds {
    const bounds = L.latLngBounds([]);
    for (const group of this.levels.values()) if (group.getLayers().length) bounds.extend(group.getBounds());
    return bounds;
  }

  private setAreas(collection: AreaCollection): void {
    this.collection = collection;
    for (const group of this.levels.values()) group.clearLayers();
    // Level by level, so a deeper area's path always lands above its parent's in the SVG.
    for (const [level, group] of this.levels) {
      for (const feature of collection.features) if (feature.properties.level === level) group.addData(feature);
    }
    this.loaded = true;
    this.labels?.setAreas(
      collection.features.map((f) => f.properties),
      this.toLatLng,
    );
    const bounds = this.getBounds();
    if (this.hostMap && this.settings.fitOnLoad && !this.fitted && bounds.isValid()) {
      this.fitted = true;
      // No animation: gliding in from the placeholder start view shows nothing useful.
      this.hostMap.fitBounds(bounds, { padding: [this.settings.fitPadding, this.settings.fitPadding], animate: false });
    }
    this.updateLabels();
  }

  // Children must be drawn over their parents, or a parent's fill would swallow the pointer:
  // re-adding in level order keeps the SVG stacking right after any toggle.
  private showVisibleLevels(map: L.Map): void {
    for (const [level, group] of this.levels) {
      if (this.hidden.has(level)) map.removeLayer(group);
      else if (!map.hasLayer(group)) map.addLayer(group);
      if (map.hasLayer(group)) group.bringToFront();
    }
  }

  private updateLabels(): void {
    const map = this.hostMap;
    if (!this.labels || !map) return;
    this.labels.show(labelLevelAt(map.getZoom(), (level) => !this.hidden.has(level)), map.getBounds().pad(0.1));
  }

  private wireFeature(path: AreaPath, level: AreaLevel): void {
    path.bindTooltip(tooltipContent, { sticky: true, direction: 'top', className: 'xc-area-tooltip', offset: [0, -8] });
    path.on('mouseover', () => path.setStyle(hoverPathOptions(level)));
    path.on('mouseout', () => path.setStyle(areaPathOptions(level)));
  }
}
