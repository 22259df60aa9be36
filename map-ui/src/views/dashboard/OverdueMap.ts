// The choropleth: the child areas as Leaflet polygons filled by overdue rate on a sequential scale, with its
// legend; hover or keyboard focus shows the value, and a click or Enter opens that area. No tiles needed.
import type { Feature, MultiPolygon } from 'geojson';
import * as L from 'leaflet';
import type { AreaCollection, AreaProperties } from '../../api-types';
import { h } from '../../dom';
import { getLanguage, t } from '../../i18n/i18n';
import { formatPercent } from './format';
import { NO_DATA_COLOR, legendClasses, overdueColor, overdueRate, scaleClass } from './scale';
import type { StatsGroupRow } from './stats-api';

export type OverdueMapOptions = { onOpen: (area: AreaProperties) => void };

type AreaPath = L.Path & { feature?: Feature<MultiPolygon, AreaProperties> };

export class OverdueMap {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { class: 'xc-dash-heading' });
  private readonly mapElement = h('div', { class: 'xc-dash-map', attrs: { role: 'group' } });
  private readonly legend = h('div', { class: 'xc-dash-legend' });
  private readonly message = h('p', { class: 'xc-dash-message', attrs: { role: 'status' } });
  private map: L.Map | null = null;
  private readonly layer: L.GeoJSON<AreaProperties>;
  private rows = new Map<string, StatsGroupRow>();
  private hasChildren = true;

  constructor(private readonly options: OverdueMapOptions) {
    this.layer = L.geoJSON<AreaProperties>(undefined, {
      style: (f) => this.style(f?.properties.code),
      onEachFeature: (_f, layer) => this.wire(layer as AreaPath),
    });
    this.element = h('section', { class: 'xc-dash-section xc-dash-map-section' }, [this.heading, this.mapElement, this.legend, this.message]);
  }

  /** Makes the map; Leaflet needs the container in the document to measure it. */
  mount(): void {
    // Zooming by wheel would fight the page scroll; the map is fitted to the areas anyway.
    this.map = L.map(this.mapElement, { attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25 }).setView([31.23, 121.47], 9);
    this.layer.addTo(this.map);
  }

  /** Draws the child areas coloured by their row of a `group=area` answer. */
  setData(areas: AreaCollection, groups: readonly StatsGroupRow[]): void {
    this.rows = new Map(groups.filter((g) => g.key !== null).map((g) => [g.key!, g]));
    this.layer.clearLayers();
    this.layer.addData(areas);
    this.hasChildren = areas.features.length > 0;
    const bounds = this.layer.getBounds();
    if (this.map && bounds.isValid()) this.map.fitBounds(bounds, { padding: [16, 16], animate: false });
    this.render();
  }

  render(): void {
    this.heading.textContent = t('dashboard.map.heading');
    this.mapElement.setAttribute('aria-label', t('dashboard.map.label'));
    this.message.textContent = this.hasChildren ? '' : t('dashboard.map.noChildren');
    this.mapElement.hidden = !this.hasChildren;
    this.legend.hidden = !this.hasChildren;
    const lang = getLanguage();
    const items = legendClasses().map((c) =>
      h('li', { class: 'xc-dash-legend-item' }, [
        this.swatch(c.color),
        h('span', { text: c.to === null ? `≥ ${formatPercent(c.from, lang)}` : `${formatPercent(c.from, lang)} – ${formatPercent(c.to, lang)}` }),
      ]),
    );
    items.push(h('li', { class: 'xc-dash-legend-item' }, [this.swatch(NO_DATA_COLOR), h('span', { text: t('dashboard.map.noData') })]));
    this.legend.replaceChildren(h('p', { class: 'xc-dash-legend-title', text: t('dashboard.map.legend') }), h('ul', { class: 'xc-dash-legend-list' }, items));
    this.layer.eachLayer((layer) => this.label(layer as AreaPath));
  }

  destroy(): void {
    this.map?.remove();
    this.map = null;
  }

  private swatch(color: string): HTMLElement {
    const s = h('span', { class: 'xc-dash-legend-swatch', attrs: { 'aria-hidden': 'true' } });
    s.style.backgroundColor = color;
    return s;
  }

  private rate(code: string | undefined): number | null {
    const row = code ? this.rows.get(code) : undefined;
    return row ? overdueRate(row) : null;
  }

  private style(code: string | undefined): L.PathOptions {
    const rate = this.rate(code);
    return {
      className: `xc-dash-area xc-dash-class-${scaleClass(rate) ?? 'none'}`,
      color: '#37414d',
      weight: 1.5,
      opacity: 1,
      fillColor: overdueColor(rate),
      fillOpacity: 0.9,
    };
  }

  private text(props: AreaProperties): string {
    const row = this.rows.get(props.code);
    const rate = this.rate(props.code);
    const value =
      !row || rate === null
        ? t('dashboard.map.noData')
        : t('dashboard.map.value', { rate: formatPercent(rate, getLanguage()), overdue: row.overdue, dispatched: row.dispatched });
    return t('dashboard.map.areaValue', { name: props.name, value });
  }

  private label(path: AreaPath): void {
    const props = path.feature?.properties;
    const el = path.getElement();
    if (!props || !el) return;
    el.setAttribute('aria-label', `${this.text(props)}. ${t('dashboard.map.drill', { name: props.name })}`);
  }

  private wire(path: AreaPath): void {
    const props = path.feature?.properties;
    if (!props) return;
    // An element, not a string: Leaflet would parse a string as HTML, and area names come from the database.
    path.bindTooltip(() => h('span', { text: this.text(props) }), { sticky: true, direction: 'top', className: 'xc-dash-tooltip' });
    path.on('mouseover', () => path.setStyle({ weight: 3 }));
    path.on('mouseout', () => path.setStyle({ weight: 1.5 }));
    path.on('click', () => this.options.onOpen(props));
    // SVG paths are not focusable by default: make each area a keyboard stop with its value as its name.
    path.on('add', () => {
      const el = path.getElement();
      if (!el) return;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      this.label(path);
      el.addEventListener('focus', () => path.openTooltip());
      el.addEventListener('blur', () => path.closeTooltip());
      el.addEventListener('keydown', (e) => {
        if ((e as KeyboardEvent).key !== 'Enter' && (e as KeyboardEvent).key !== ' ') return;
        e.preventDefault();
        this.options.onOpen(props);
      });
    });
  }
}
