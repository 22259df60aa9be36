// The signed-in screen: the header over a full-screen Leaflet map with the base map, the areas, their legend and notices.
import * as L from 'leaflet';
import { ApiError, type Api } from '../api';
import type { Me, UiConfig } from '../api-types';
import { h } from '../dom';
import { onLanguageChange, t } from '../i18n/i18n';
import { AreaLayer, type AreaLoadStatus } from '../map/AreaLayer';
import { AreaLegend } from '../map/AreaLegend';
import { BaseTileLayer } from '../map/BaseTileLayer';
import { NoticeControl } from '../map/NoticeControl';
import { AppHeader } from './AppHeader';

export type MapViewOptions = {
  api: Pick<Api, 'areas'>;
  me: Me;
  /** Null when /api/config could not be read: the map then runs without a base map. */
  config: UiConfig | null;
  onLogout: () => Promise<void>;
  /** A request answered 401: the session ended elsewhere or expired. */
  onSessionExpired: () => void;
};

/** Where the map starts before the areas have loaded: the middle of the Yangtze delta. */
const START_VIEW = { center: L.latLng(31.23, 121.47), zoom: 9 };
const PHONE_QUERY = '(max-width: 600px)';

export class MapView {
  readonly element: HTMLElement;
  private readonly header: AppHeader;
  private readonly mapElement: HTMLElement;
  private map: L.Map | null = null;
  private zooming = false;
  private stopListening: (() => void) | null = null;

  constructor(private readonly options: MapViewOptions) {
    this.header = new AppHeader({ me: options.me, onLogout: options.onLogout });
    this.mapElement = h('div', { class: 'xc-map', attrs: { role: 'region' } });
    this.element = h('div', { class: 'xc-map-view' }, [this.header.element, h('main', { class: 'xc-map-main' }, [this.mapElement])]);
  }

  /** Mounts the view; the map is made only now, because Leaflet needs its container's size. */
  mount(parent: HTMLElement): void {
    parent.replaceChildren(this.element);
    const map = L.map(this.mapElement, { zoomControl: true, attributionControl: true }).setView(START_VIEW.center, START_VIEW.zoom);
    this.map = map;
    map.on('zoomanim', () => (this.zooming = true));
    map.on('zoomend', () => (this.zooming = false));
    const notices = new NoticeControl().addTo(map);

    const { config } = this.options;
    if (config?.tileUrl) {
      new BaseTileLayer(config.tileUrl, {
        attribution: config.tileAttribution,
        maxZoom: 19,
        onAvailabilityChange: (ok) => notices.set('basemap', ok ? null : { message: 'map.baseMapUnavailable', tone: 'info' }),
      }).addTo(map);
    }

    const areas = new AreaLayer({
      load: (signal) => this.options.api.areas({}, signal),
      onStatus: (status) => this.showAreaStatus(status, notices, () => void areas.reload()),
    }).addTo(map);
    new AreaLegend(areas, { collapsed: window.matchMedia(PHONE_QUERY).matches }).addTo(map);

    const label = () => this.mapElement.setAttribute('aria-label', t('map.label'));
    label();
    this.stopListening = onLanguageChange(label);
  }

  destroy(): void {
    this.stopListening?.();
    // map.remove() takes every layer and control off, which runs their onRemove clean-ups.
    // Leaflet 1.9 leaves a zoom animation's end timer running through remove(), which then
    // throws on the removed panes; so a map caught mid-zoom is removed when the zoom ends.
    const map = this.map;
    if (map && this.zooming) map.once('zoomend', () => map.remove());
    else map?.remove();
    this.map = null;
    this.header.destroy();
    this.element.remove();
  }

  private showAreaStatus(status: AreaLoadStatus, notices: NoticeControl, retry: () => void): void {
    if (status.state === 'loading') return notices.set('areas', { message: 'map.loadingAreas', tone: 'info' });
    if (status.state === 'loaded') {
      return notices.set('areas', status.count ? null : { message: 'map.noAreas', tone: 'info' });
    }
    if (status.error instanceof ApiError && status.error.status === 401) return this.options.onSessionExpired();
    const message = status.error instanceof ApiError && status.error.isNetworkError ? 'error.network' : 'map.areasFailed';
    notices.set('areas', { message, tone: 'error', action: { label: 'map.retry', run: retry } });
  }
}
