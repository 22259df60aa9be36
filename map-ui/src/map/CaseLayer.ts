// Cases on the map for the current view and filters: server-side clusters from /api/map/clusters,
// or, where that endpoint is missing (404), up to 500 cases from the list as GeoJSON.
import * as L from 'leaflet';
import { ApiError, type Api } from '../api';
import type { CaseQueryParams, ClusterCollection } from '../api-types';
import { bboxParam } from '../views/workbench/case-filter';
import { caseMarkerElement, clusterElement, type CaseMarkerData } from './case-markers';
import { bboxFromDisplay, type LonLat, type MapDatum } from './datum';

/** The most cases the list endpoint is asked for when there are no server-side clusters. */
export const FALLBACK_LIMIT = 500;

export type CaseLayerStatus =
  | { state: 'loading' }
  | { state: 'loaded'; shown: number; total: number; clustered: boolean }
  | { state: 'failed'; error: unknown };

/** What a marker says about its case, for its label. */
export type MarkerCase = Omit<CaseMarkerData, 'icon' | 'isNew'> & { category: string };

export type CaseLayerOptions = {
  api: Pick<Api, 'caseClusters' | 'caseFeatures'>;
  datum: MapDatum;
  /** The current filters, read at each load. */
  query: () => CaseQueryParams;
  /** The icon name of a category code. */
  iconOf: (category: string) => string | undefined;
  /** The accessible name of a case marker, and of a cluster. */
  caseLabel: (c: MarkerCase) => string;
  clusterLabel: (count: number) => string;
  onSelect: (caseId: number) => void;
  onStatus?: (status: CaseLayerStatus) => void;
};

type Item =
  | { kind: 'case'; at: LonLat; c: MarkerCase }
  | { kind: 'cluster'; at: LonLat; count: number; byStatus: Partial<Record<string, number>>; bbox: [number, number, number, number] | undefined };

export class CaseLayer extends L.Layer {
  private readonly group = L.layerGroup();
  private readonly markers = new Map<number, L.Marker>();
  private items: Item[] = [];
  /** Unknown until the first answer; false after a 404, then the list is used. */
  private clustersAvailable: boolean | undefined;
  private selectedId: number | null = null;
  private readonly newIds = new Set<number>();
  private inFlight: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private hostMap: L.Map | null = null;
  private stopDatum: (() => void) | null = null;
  private readonly onMoveEnd = () => this.scheduleReload();

  constructor(private readonly settings: CaseLayerOptions) {
    super();
  }

  override onAdd(map: L.Map): this {
    this.hostMap = map;
    map.addLayer(this.group);
    map.on('moveend', this.onMoveEnd);
    // Redraw where the new tiles expect our points at once, then ask again for the new view.
    this.stopDatum = this.settings.datum.onChange(() => {
      this.draw();
      this.scheduleReload();
    });
    void this.reload();
    return this;
  }

  override onRemove(map: L.Map): this {
    clearTimeout(this.timer);
    this.inFlight?.abort();
    this.inFlight = null;
    map.off('moveend', this.onMoveEnd);
    this.stopDatum?.();
    map.removeLayer(this.group);
    this.hostMap = null;
    return this;
  }

  /** Loads again soon; many calls in a row (a drag, a burst of live events) make one request. */
  scheduleReload(delayMs = 250): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), delayMs);
  }

  /** Loads the cases of the current view and filters, abandoning a load still running. */
  async reload(): Promise<void> {
    const map = this.hostMap;
    if (!map) return;
    clearTimeout(this.timer);
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const b = map.getBounds();
    const bbox = bboxFromDisplay([b.getWest(), b.getSouth()], [b.getEast(), b.getNorth()], this.settings.datum.get());
    const params = { ...this.settings.query(), bbox: bboxParam(bbox) };
    this.settings.onStatus?.({ state: 'loading' });
    try {
      const loaded = await this.load(params, Math.round(map.getZoom()), controller.signal);
      if (controller.signal.aborted) return;
      this.items = loaded.items;
      this.draw();
      this.settings.onStatus?.({ state: 'loaded', shown: loaded.items.length, total: loaded.total, clustered: loaded.clustered });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.settings.onStatus?.({ state: 'failed', error });
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
  }

  /** Marks a case selected (a ring around it, drawn on top); pans to `at` when it is out of view. */
  select(caseId: number | null, at?: LonLat): void {
    this.selectedId = caseId;
    for (const [id, marker] of this.markers) {
      marker.getElement()?.classList.toggle('is-selected', id === caseId);
      marker.setZIndexOffset(id === caseId ? 1000 : 0);
    }
    const map = this.hostMap;
    if (map && at) {
      const shown = this.settings.datum.toDisplay(at);
      const point = L.latLng(shown[1], shown[0]);
      if (!map.getBounds().pad(-0.1).contains(point)) map.panTo(point);
    }
  }

  /** Shows the 新 badge on a case for a while (a report that just came in live). */
  markNew(caseId: number, forMs = 15_000): void {
    this.newIds.add(caseId);
    setTimeout(() => {
      this.newIds.delete(caseId);
      if (this.hostMap) this.draw();
    }, forMs);
  }

  private async load(params: CaseQueryParams, zoom: number, signal: AbortSignal): Promise<{ items: Item[]; total: number; clustered: boolean }> {
    if (this.clustersAvailable !== false) {
      try {
        const fc = await this.settings.api.caseClusters({ ...params, zoom: String(zoom) }, signal);
        this.clustersAvailable = true;
        return clusterItems(fc);
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
        this.clustersAvailable = false;
      }
    }
    const fc = await this.settings.api.caseFeatures({ ...params, limit: String(FALLBACK_LIMIT) }, signal);
    const items: Item[] = fc.features.map((f) => ({
      kind: 'case',
      at: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!],
      c: { ...f.properties, dueSoon: f.properties.due_soon },
    }));
    return { items, total: fc.total, clustered: false };
  }

  private draw(): void {
    this.group.clearLayers();
    this.markers.clear();
    for (const item of this.items) {
      const shown = this.settings.datum.toDisplay(item.at);
      const at = L.latLng(shown[1], shown[0]);
      if (item.kind === 'cluster') this.group.addLayer(this.clusterMarker(item, at));
      else this.group.addLayer(this.caseMarker(item.c, item.at, at));
    }
  }

  private caseMarker(c: MarkerCase, stored: LonLat, at: L.LatLng): L.Marker {
    const isNew = this.newIds.has(c.id);
    const icon = L.divIcon({
      html: caseMarkerElement({ ...c, icon: this.settings.iconOf(c.category), isNew }),
      className: 'xc-case-icon',
      iconSize: [32, 32],
      iconAnchor: [16, 16],
    });
    const selected = c.id === this.selectedId;
    const label = this.settings.caseLabel(c);
    const marker = L.marker(at, { icon, keyboard: true, title: label, riseOnHover: true, zIndexOffset: selected ? 1000 : isNew ? 500 : 0 });
    marker.on('click', () => this.settings.onSelect(c.id));
    marker.on('add', () => {
      const el = marker.getElement();
      if (!el) return;
      el.setAttribute('aria-label', label);
      // The stored WGS-84 position, never the shifted one: tests and tools read it back.
      Object.assign(el.dataset, { caseId: String(c.id), code: c.code, status: c.status, lon: String(stored[0]), lat: String(stored[1]) });
      el.classList.toggle('is-selected', selected);
    });
    this.markers.set(c.id, marker);
    return marker;
  }

  private clusterMarker(item: Extract<Item, { kind: 'cluster' }>, at: L.LatLng): L.Marker {
    const { element, size } = clusterElement(item.count, item.byStatus);
    const icon = L.divIcon({ html: element, className: 'xc-cluster-icon', iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
    const label = this.settings.clusterLabel(item.count);
    const marker = L.marker(at, { icon, keyboard: true, title: label });
    marker.on('click', () => {
      const map = this.hostMap;
      if (!map) return;
      // Into the cluster's cell when the server says where it is, else two zoom levels closer.
      const zoom = Math.min(map.getZoom() + 2, map.getMaxZoom());
      if (!item.bbox) return void map.setView(at, zoom);
      const sw = this.settings.datum.toDisplay([item.bbox[0], item.bbox[1]]);
      const ne = this.settings.datum.toDisplay([item.bbox[2], item.bbox[3]]);
      map.fitBounds(L.latLngBounds([sw[1], sw[0]], [ne[1], ne[0]]), { maxZoom: Math.max(zoom, map.getZoom() + 1) });
    });
    marker.on('add', () => marker.getElement()?.setAttribute('aria-label', label));
    return marker;
  }
}

function clusterItems(fc: ClusterCollection): { items: Item[]; total: number; clustered: boolean } {
  let total = 0;
  const items = fc.features.map((f): Item => {
    const at: LonLat = [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!];
    const p = f.properties;
    if (p.kind === 'cluster') {
      total += p.count;
      return { kind: 'cluster', at, count: p.count, byStatus: p.by_status, bbox: p.bbox };
    }
    total += 1;
    return { kind: 'case', at, c: { id: p.id, code: p.code, status: p.status, category: p.category, overdue: p.overdue, dueSoon: p.due_soon, urgent: p.urgent } };
  });
  return { items, total, clustered: true };
}
