// Where the problem is: a small map with a pin that can always be dragged (or placed by a tap),
// and the phone's accuracy as a circle around it. Works on a plain background when tiles fail.
import * as L from 'leaflet';
import type { UiConfig } from '../../api-types';
import { h } from '../../dom';
import { BaseTileLayer } from '../../map/BaseTileLayer';
import type { Fix } from '../../report/report-types';

/** Where the pin came from: the photo's EXIF, the phone, or the user's finger. */
export type PinSource = 'exif' | 'device' | 'manual';

export type Pin = Fix & { source: PinSource };

// Before any position is known: the middle of the Yangtze delta, like the desktop map.
const START = { center: L.latLng(31.23, 121.47), zoom: 11 };
const PIN_ZOOM = 17;
// The same order as the server's choice (api/src/lib/report-location.ts).
const RANK: Record<PinSource, number> = { device: 0, exif: 1, manual: 2 };

export class LocationPicker {
  readonly element = h('div', { class: 'xc-insp-map', attrs: { 'data-testid': 'location-map' } });
  private map: L.Map | null = null;
  private marker: L.Marker | null = null;
  private circle: L.Circle | null = null;
  private current: Pin | null = null;

  constructor(
    private readonly config: UiConfig | null,
    private readonly onChange: (pin: Pin) => void,
  ) {}

  /** Makes the map; call once the element is in the page (Leaflet needs its size). */
  mount(): void {
    const map = L.map(this.element, { zoomControl: true, attributionControl: true }).setView(START.center, START.zoom);
    this.map = map;
    if (this.config?.tileUrl) new BaseTileLayer(this.config.tileUrl, { attribution: this.config.tileAttribution, maxZoom: 19 }).addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => this.place({ lat: e.latlng.lat, lon: e.latlng.lng, source: 'manual' }));
  }

  get pin(): Pin | null {
    return this.current;
  }

  /** Moves the pin, unless a better source already placed it: the hand beats the photo, the photo beats the phone. */
  place(pin: Pin): void {
    if (this.current && RANK[this.current.source] > RANK[pin.source]) return;
    this.current = pin;
    const map = this.map;
    if (map) {
      const at = L.latLng(pin.lat, pin.lon);
      if (!this.marker) {
        const icon = L.divIcon({ className: 'xc-insp-pin', html: '', iconSize: [28, 28], iconAnchor: [14, 28] });
        this.marker = L.marker(at, { draggable: true, icon, keyboard: true, autoPan: true }).addTo(map);
        this.marker.on('dragend', () => {
          const p = this.marker!.getLatLng();
          this.place({ lat: p.lat, lon: p.lng, source: 'manual' });
        });
      } else {
        this.marker.setLatLng(at);
      }
      this.circle?.remove();
      this.circle = pin.accuracyM && pin.source === 'device'
        ? L.circle(at, { radius: pin.accuracyM, color: '#0b4f8a', weight: 2, fillOpacity: 0.12, interactive: false }).addTo(map)
        : null;
      if (pin.source !== 'manual') map.setView(at, PIN_ZOOM);
    }
    this.onChange(pin);
  }

  destroy(): void {
    this.map?.remove();
    this.map = null;
  }
}
