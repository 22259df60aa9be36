// The desktop workbench (dispatcher, handler, supervisor): header and filter bar over the case list and the
// map side by side; a case opens in the drawer; new and changed cases arrive live over server-sent events.
import * as L from 'leaflet';
import { ApiError, type Api } from '../../api';
import type { Me, UiConfig } from '../../api-types';
import { h } from '../../dom';
import { onLanguageChange, t, type MessageKey } from '../../i18n/i18n';
import { LiveStream, type LiveState } from '../../live/LiveStream';
import { AreaLayer, type AreaLoadStatus } from '../../map/AreaLayer';
import { AreaLegend } from '../../map/AreaLegend';
import { BaseMapSwitcher } from '../../map/BaseMapSwitcher';
import { CaseLayer, type CaseLayerStatus } from '../../map/CaseLayer';
import { CaseLegend } from '../../map/CaseLegend';
import { MapDatum } from '../../map/datum';
import { NoticeControl } from '../../map/NoticeControl';
import { RiverLayer } from '../../map/RiverLayer';
import { AppHeader } from '../AppHeader';
import { areaOptions } from './area-options';
import { CaseList, type CaseRow } from './CaseList';
import { EMPTY_FILTER, filterParams, listParams, type CaseFilter } from './case-filter';
import { FilterBar } from './FilterBar';
import { categoryIndex, categoryName, stateName, type CategoryInfo } from './labels';

export type WorkbenchOptions = {
  api: Api;
  me: Me;
  /** Null when /api/config could not be read: the map then runs without a base map. */
  config: UiConfig | null;
  onLogout: () => Promise<void>;
  /** A request answered 401: the session ended elsewhere or expired. */
  onSessionExpired: () => void;
};

// The drawer and the role panels load lazily (their own chunks), so the first paint of the map does not wait.
type Drawer = import('./drawer/CaseDrawer').CaseDrawer;
type RolePanel = NonNullable<ReturnType<typeof import('./RolePanels').rolePanel>>;

const PAGE_SIZE = 50;
const PHONE_QUERY = '(max-width: 600px)';
/** Where the map starts before the areas have loaded: the middle of the Yangtze delta. */
const START_VIEW = { center: L.latLng(31.23, 121.47), zoom: 9 };

export class Workbench {
  readonly element: HTMLElement;
  private readonly header: AppHeader;
  private readonly filterBar: FilterBar;
  private readonly list: CaseList;
  private readonly mapElement: HTMLElement;
  private readonly drawerSlot = h('div', { class: 'xc-drawer-slot' });
  private readonly rolePanelSlot = h('div', { class: 'xc-role-panel-slot' });
  private readonly liveIndicator = h('span', { class: 'xc-live', attrs: { 'data-live': 'connecting' } });
  private readonly liveAnnouncer = h('span', { class: 'xc-visually-hidden', attrs: { 'aria-live': 'polite' } });
  private readonly datum = new MapDatum();
  private categories = new Map<string, CategoryInfo>();
  private filter: CaseFilter = EMPTY_FILTER;
  private page = 1;
  private map: L.Map | null = null;
  private cases: CaseLayer | null = null;
  private drawer: Drawer | null = null;
  private rolePanel: RolePanel | null = null;
  private live: LiveStream | null = null;
  private listLoad: AbortController | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private liveState: LiveState = 'connecting';
  private zooming = false;
  private destroyed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly options: WorkbenchOptions) {
    this.header = new AppHeader({ me: options.me, onLogout: options.onLogout });
    this.filterBar = new FilterBar({ onChange: (f) => this.setFilter(f) });
    this.list = new CaseList({
      categoryName: (code) => categoryName(this.categories, code),
      onSelect: (row) => this.select(row.id, row),
      onOpen: (row) => this.openCase(row.id, row),
      onPage: (page) => {
        this.page = page;
        void this.loadList();
      },
      onSort: () => {
        this.page = 1;
        void this.loadList();
      },
      onRetry: () => void this.loadList(),
    });
    this.list.liveSlot.append(this.liveIndicator, this.liveAnnouncer);
    this.mapElement = h('div', { class: 'xc-map xc-workbench-map', attrs: { role: 'region' } });
    const side = h('aside', { class: 'xc-workbench-side' }, [this.rolePanelSlot, this.list.element]);
    this.element = h('div', { class: 'xc-workbench' }, [
      this.header.element,
      this.filterBar.element,
      h('main', { class: 'xc-workbench-main' }, [side, h('div', { class: 'xc-workbench-map-wrap' }, [this.mapElement, this.drawerSlot])]),
    ]);
    const render = () => {
      this.mapElement.setAttribute('aria-label', t('workbench.mapLabel'));
      side.setAttribute('aria-label', t('workbench.sidePanel'));
      this.filterBar.element.setAttribute('aria-label', t('workbench.filters'));
      this.renderLive();
    };
    render();
    this.cleanups.push(onLanguageChange(render));
  }

  /** Mounts the view; the map is made only now, because Leaflet needs its container's size. */
  mount(parent: HTMLElement): void {
    parent.replaceChildren(this.element);
    this.buildMap();
    void this.loadCategories();
    void this.loadList();
    void this.mountRolePanel();
    this.live = new LiveStream({
      onCase: (change) => {
        if (change.action === 'submit' || change.from === null) {
          this.list.markNew(change.case_id);
          this.cases?.markNew(change.case_id);
          this.liveAnnouncer.textContent = t('workbench.live.newCase', { code: change.code });
        }
        this.scheduleRefresh();
      },
      onReset: () => this.scheduleRefresh(),
      onState: (state) => {
        this.liveState = state;
        this.renderLive();
      },
    });
    this.live.start();
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.refreshTimer);
    this.live?.stop();
    this.listLoad?.abort();
    for (const cleanup of this.cleanups) cleanup();
    this.drawer?.destroy();
    this.rolePanel?.destroy();
    // Leaflet 1.9 leaves a zoom animation's end timer running through remove(), which then throws
    // on the removed panes; so a map caught mid-zoom is removed when the zoom ends.
    const map = this.map;
    if (map && this.zooming) map.once('zoomend', () => map.remove());
    else map?.remove();
    this.map = null;
    this.header.destroy();
    this.filterBar.destroy();
    this.list.destroy();
    this.element.remove();
  }

  private buildMap(): void {
    const map = L.map(this.mapElement, { zoomControl: true, attributionControl: true }).setView(START_VIEW.center, START_VIEW.zoom);
    this.map = map;
    map.on('zoomanim', () => (this.zooming = true));
    map.on('zoomend', () => {
      this.zooming = false;
      this.mapElement.dataset.zoom = String(map.getZoom());
    });
    this.mapElement.dataset.zoom = String(map.getZoom());
    const notices = new NoticeControl({ position: 'topleft' }).addTo(map);

    const areas = new AreaLayer({
      datum: this.datum,
      labels: true,
      load: async (signal) => {
        const collection = await this.options.api.areas({}, signal);
        this.filterBar.setAreas(areaOptions(collection.features.map((f) => f.properties)));
        return collection;
      },
      onStatus: (status) => this.showAreaStatus(status, notices, () => void areas.reload()),
    }).addTo(map);
    const rivers = new RiverLayer({
      api: this.options.api,
      datum: this.datum,
      onError: (error) => this.showFailure('rivers', error, notices, 'workbench.map.riversFailed', () => void rivers.load()),
    }).addTo(map);
    const cases = new CaseLayer({
      api: this.options.api,
      datum: this.datum,
      query: () => filterParams(this.filter),
      iconOf: (category) => this.categories.get(category)?.icon,
      caseLabel: (c) =>
        [c.code, stateName(c.status), categoryName(this.categories, c.category), c.overdue ? t('workbench.badge.overdue') : c.dueSoon ? t('workbench.badge.dueSoon') : '']
          .filter(Boolean)
          .join('，'),
      clusterLabel: (count) => t('workbench.map.cluster', { count }),
      onSelect: (id) => this.openCase(id),
      onStatus: (status) => this.showCaseStatus(status, notices, () => void cases.reload()),
    }).addTo(map);
    this.cases = cases;

    // On a phone the panels start folded, so the map itself has room.
    const phone = window.matchMedia(PHONE_QUERY).matches;
    new BaseMapSwitcher({
      collapsed: phone,
      baseMaps: this.options.config?.baseMaps ?? [],
      datum: this.datum,
      overlays: [
        { id: 'areas', label: 'workbench.layers.areas', layer: areas },
        { id: 'rivers', label: 'workbench.layers.rivers', layer: rivers },
        { id: 'cases', label: 'workbench.layers.cases', layer: cases },
      ],
      onAvailabilityChange: (ok) => notices.set('basemap', ok ? null : { message: 'map.baseMapUnavailable', tone: 'info' }),
    }).addTo(map);
    this.mapElement.dataset.datum = this.datum.get();
    this.cleanups.push(this.datum.onChange((d) => (this.mapElement.dataset.datum = d)));
    new CaseLegend({ collapsed: phone }).addTo(map);
    new AreaLegend(areas, { collapsed: phone }).addTo(map);
  }

  private async loadCategories(): Promise<void> {
    try {
      const tree = await this.options.api.categories();
      if (this.destroyed) return;
      this.categories = categoryIndex(tree);
      this.filterBar.setCategories(tree);
      // Markers and rows drawn before now used the fallback glyph and the bare code.
      this.cases?.scheduleReload(0);
      void this.loadList();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.options.onSessionExpired();
      // Otherwise the workbench still works: codes instead of names, a plain glyph on markers.
    }
  }

  private async loadList(): Promise<void> {
    this.listLoad?.abort();
    const controller = new AbortController();
    this.listLoad = controller;
    this.list.setLoading();
    try {
      const fc = await this.options.api.caseFeatures(listParams(this.filter, this.list.sortOrder, this.page, PAGE_SIZE), controller.signal);
      if (controller.signal.aborted) return;
      const pages = Math.max(1, Math.ceil(fc.total / PAGE_SIZE));
      // Cases closed or filtered away can leave us past the last page.
      if (this.page > pages) {
        this.page = pages;
        return void this.loadList();
      }
      const rows: CaseRow[] = fc.features.map((f) => ({ ...f.properties, at: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] }));
      this.list.setPage(rows, fc.total, this.page, pages, fc.total_capped ?? false);
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return this.options.onSessionExpired();
      this.list.setFailed(error instanceof ApiError && error.isNetworkError ? 'error.network' : 'workbench.list.failed');
    } finally {
      if (this.listLoad === controller) this.listLoad = null;
    }
  }

  private setFilter(filter: CaseFilter): void {
    this.filter = filter;
    this.page = 1;
    void this.loadList();
    this.cases?.scheduleReload(0);
  }

  /** Many live events in a row (a bulk dispatch) make one refresh. */
  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.loadList();
      this.cases?.scheduleReload(0);
      this.rolePanel?.refresh();
    }, 300);
  }

  private select(caseId: number, row?: CaseRow): void {
    this.list.select(caseId);
    this.cases?.select(caseId, row?.at);
  }

  private openCase(caseId: number, row?: CaseRow): void {
    this.select(caseId, row);
    void this.openDrawer(caseId);
  }

  private async openDrawer(caseId: number): Promise<void> {
    if (!this.drawer) {
      let CaseDrawer: typeof import('./drawer/CaseDrawer').CaseDrawer;
      try {
        ({ CaseDrawer } = await import('./drawer/CaseDrawer'));
      } catch {
        // The chunk could not be fetched (a new deployment, a dropped network): the next click tries again.
        return;
      }
      if (this.destroyed) return;
      this.drawer ??= new CaseDrawer({
        api: this.options.api,
        me: this.options.me,
        onChanged: () => this.scheduleRefresh(),
        onClose: () => {
          this.drawerSlot.classList.remove('is-open');
          this.list.select(null);
          this.cases?.select(null);
        },
      });
      this.drawerSlot.append(this.drawer.element);
    }
    this.drawerSlot.classList.add('is-open');
    await this.drawer.open(caseId);
  }

  private async mountRolePanel(): Promise<void> {
    let rolePanel: typeof import('./RolePanels').rolePanel;
    try {
      ({ rolePanel } = await import('./RolePanels'));
    } catch {
      return; // The workbench works without the panel.
    }
    if (this.destroyed) return;
    this.rolePanel = rolePanel({ api: this.options.api, me: this.options.me, onOpenCase: (id) => this.openCase(id) });
    if (this.rolePanel) this.rolePanelSlot.append(this.rolePanel.element);
  }

  private renderLive(): void {
    const key: MessageKey = this.liveState === 'open' ? 'workbench.live.on' : this.liveState === 'down' ? 'workbench.live.down' : 'workbench.live.connecting';
    this.liveIndicator.dataset.live = this.liveState;
    this.liveIndicator.textContent = t(key);
  }

  private showAreaStatus(status: AreaLoadStatus, notices: NoticeControl, retry: () => void): void {
    if (status.state === 'loading') return notices.set('areas', { message: 'map.loadingAreas', tone: 'info' });
    if (status.state === 'loaded') return notices.set('areas', status.count ? null : { message: 'map.noAreas', tone: 'info' });
    this.showFailure('areas', status.error, notices, 'map.areasFailed', retry);
  }

  private showCaseStatus(status: CaseLayerStatus, notices: NoticeControl, retry: () => void): void {
    if (status.state === 'loading') return;
    if (status.state === 'failed') return this.showFailure('cases', status.error, notices, 'workbench.map.casesFailed', retry);
    // Only the list fallback can leave cases out; clusters always cover them all.
    const capped = !status.clustered && status.total > status.shown;
    notices.set('cases', capped ? { message: 'workbench.map.tooMany', tone: 'info' } : null);
    this.mapElement.dataset.casesShown = String(status.shown);
  }

  private showFailure(id: string, error: unknown, notices: NoticeControl, message: MessageKey, retry: () => void): void {
    if (error === null) return notices.set(id, null);
    if (error instanceof ApiError && error.status === 401) return this.options.onSessionExpired();
    const network = error instanceof ApiError && error.isNetworkError;
    notices.set(id, { message: network ? 'error.network' : message, tone: 'error', action: { label: 'map.retry', run: retry } });
  }
}
