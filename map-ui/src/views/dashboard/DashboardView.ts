// The statistics dashboard (#/dashboard): period and area drill-down over KPI cards, trend and category charts,
// the child areas' overdue choropleth and table, and the unit ranking, all from GET /api/stats.
import { ApiError } from '../../api';
import type { AreaCollection, AreaProperties } from '../../api-types';
import { h } from '../../dom';
import { getLanguage, onLanguageChange, t } from '../../i18n/i18n';
import { AppHeader } from '../AppHeader';
import type { HomeContext } from '../home';
import { AreaTable } from './AreaTable';
import { AreaTrail, type AreaStep } from './AreaTrail';
import { ChartSection } from './ChartSection';
import { formatPercent } from './format';
import { KpiCards } from './KpiCards';
import { OverdueMap } from './OverdueMap';
import { bucketStarts, trendGroup, type PeriodRange } from './period';
import { PeriodPicker } from './PeriodPicker';
import { RankingTable } from './RankingTable';
import { fetchStats, type StatsGroupRow, type StatsResponse } from './stats-api';
import { DASHBOARD_COLORS } from './colors';

type ChartsModule = typeof import('./charts');

export type DashboardOptions = HomeContext & {
  /** The clock for "this month" and friends; tests may pin it. */
  now?: () => Date;
};

type Loaded = {
  stats: StatsResponse;
  trend: { group: 'day' | 'week'; rows: StatsGroupRow[] };
  categories: StatsGroupRow[];
  units: StatsGroupRow[];
  children: StatsGroupRow[];
  areas: AreaCollection;
};

export class DashboardView {
  readonly element: HTMLElement;
  private readonly header: AppHeader;
  private readonly title = h('h1', { class: 'xc-dash-title' });
  private readonly back = h('a', { class: 'xc-button xc-dash-back', attrs: { href: '#/' } });
  private readonly trail: AreaTrail;
  private readonly picker: PeriodPicker;
  private readonly status = h('div', { class: 'xc-dash-status', attrs: { role: 'status' } });
  private readonly statusText = h('p');
  private readonly retry = h('button', { class: 'xc-button', attrs: { type: 'button' } });
  private readonly content = h('div', { class: 'xc-dash-content' });
  private readonly kpis = new KpiCards();
  private readonly map: OverdueMap;
  private readonly areaTable: AreaTable;
  private readonly trend = new ChartSection('trend');
  private readonly categories = new ChartSection('category');
  private readonly ranking = new RankingTable();
  private steps: AreaStep[];
  private range: PeriodRange;
  private data: Loaded | null = null;
  private state: { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; error: unknown } = { kind: 'loading' };
  private charts: Promise<ChartsModule> | null = null;
  private inFlight: AbortController | null = null;
  private stopListening: (() => void) | null = null;

  constructor(private readonly options: DashboardOptions) {
    const now = options.now ?? (() => new Date());
    this.header = new AppHeader({ me: options.me, onLogout: options.onLogout });
    this.header.element.querySelector('.xc-header-link')?.setAttribute('aria-current', 'page');
    const home = options.me.area;
    this.steps = [home ? { code: home.code, name: home.name } : { code: null, name: '' }];
    this.trail = new AreaTrail((depth) => this.goTo(this.steps.slice(0, depth + 1)));
    this.picker = new PeriodPicker({ initial: { kind: 'month' }, now, onChange: (_p, range) => this.setRange(range) });
    this.range = this.picker.range();
    const open = (code: string, name: string) => this.goTo([...this.steps, { code, name }]);
    this.map = new OverdueMap({ onOpen: (a: AreaProperties) => open(a.code, a.name) });
    this.areaTable = new AreaTable(open);
    this.retry.addEventListener('click', () => void this.load());
    this.status.append(this.statusText, this.retry);

    this.content.append(
      this.kpis.element,
      h('div', { class: 'xc-dash-grid' }, [this.map.element, this.trend.element, this.areaTable.element, this.categories.element]),
      this.ranking.element,
    );
    const toolbar = h('div', { class: 'xc-dash-toolbar' }, [
      h('div', { class: 'xc-dash-titlebar' }, [this.back, this.title, this.trail.element]),
      this.picker.element,
    ]);
    this.element = h('div', { class: 'xc-dash-view' }, [this.header.element, h('main', { class: 'xc-dash-main' }, [toolbar, this.status, this.content])]);
  }

  mount(parent: HTMLElement): void {
    parent.replaceChildren(this.element);
    this.map.mount();
    this.stopListening = onLanguageChange(() => this.render());
    this.render();
    void this.load();
  }

  destroy(): void {
    this.inFlight?.abort();
    // A chart module still arriving then finds no data of ours to draw.
    this.data = null;
    this.stopListening?.();
    this.trend.destroy();
    this.categories.destroy();
    this.map.destroy();
    this.header.destroy();
    this.element.remove();
  }

  private setRange(range: PeriodRange): void {
    this.range = range;
    void this.load();
  }

  private goTo(steps: AreaStep[]): void {
    this.steps = steps;
    this.render();
    void this.load();
  }

  /** Chart.js comes in its own chunk, asked for once, the first time there is something to draw. */
  private loadCharts(): Promise<ChartsModule> {
    this.charts ??= import('./charts');
    return this.charts;
  }

  private async load(): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const { signal } = controller;
    const area = this.steps[this.steps.length - 1]?.code ?? undefined;
    const period = { area, from: this.range.from, to: this.range.to };
    const group = trendGroup(this.range);
    this.state = { kind: 'loading' };
    this.renderStatus();
    try {
      const [trend, categories, units, children, areas] = await Promise.all([
        fetchStats({ ...period, group }, signal),
        fetchStats({ ...period, group: 'category' }, signal),
        fetchStats({ ...period, group: 'unit' }, signal),
        fetchStats({ ...period, group: 'area' }, signal),
        this.options.api.areas(area ? { parent: area } : { level: 'district' }, signal),
      ]);
      if (signal.aborted) return;
      this.data = {
        stats: trend,
        trend: { group, rows: trend.groups ?? [] },
        categories: categories.groups ?? [],
        units: units.groups ?? [],
        children: children.groups ?? [],
        areas,
      };
      this.state = { kind: 'ready' };
      this.map.setData(areas, this.data.children);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return this.options.onSessionExpired();
      this.state = { kind: 'failed', error };
    } finally {
      if (this.inFlight === controller) this.inFlight = null;
    }
    this.render();
  }

  private render(): void {
    this.title.textContent = t('dashboard.title');
    this.back.textContent = `← ${t('dashboard.back')}`;
    this.trail.render(this.steps);
    this.picker.render();
    this.renderStatus();
    const data = this.data;
    this.content.hidden = !data || this.state.kind === 'failed';
    if (!data) return;
    this.element.dataset.from = this.range.from;
    this.element.dataset.to = this.range.to;
    this.kpis.render(data.stats.totals);
    this.map.render();
    this.areaTable.setData(data.children);
    this.ranking.setData(data.units);
    void this.renderCharts(data);
  }

  private renderStatus(): void {
    const s = this.state;
    this.status.dataset.state = s.kind;
    this.retry.hidden = s.kind !== 'failed';
    this.retry.textContent = t('dashboard.retry');
    if (s.kind === 'loading') this.statusText.textContent = t('dashboard.loading');
    else if (s.kind === 'failed') {
      const err = s.error;
      this.statusText.textContent =
        err instanceof ApiError && err.isNetworkError ? t('error.network') : t('dashboard.failed', { code: err instanceof ApiError ? err.code : 'error' });
    } else this.statusText.textContent = this.data?.stats.totals.received === 0 ? t('dashboard.empty') : '';
    this.status.hidden = this.statusText.textContent === '';
    this.status.setAttribute('role', s.kind === 'failed' ? 'alert' : 'status');
  }

  private async renderCharts(data: Loaded): Promise<void> {
    const trendTitle = t('dashboard.trend.heading', { bucket: t(`dashboard.trend.${data.trend.group}`) });
    this.trend.heading.textContent = trendTitle;
    this.categories.heading.textContent = t('dashboard.category.heading');
    if (data.stats.totals.received === 0) {
      this.trend.say(t('dashboard.empty'));
      this.categories.say(t('dashboard.empty'));
      return;
    }
    let charts: ChartsModule;
    try {
      charts = await this.loadCharts();
    } catch {
      // A chunk that failed once stays failed in this page; a reload asks again.
      this.trend.say(t('dashboard.chartsFailed'));
      this.categories.say(t('dashboard.chartsFailed'));
      return;
    }
    // A newer load or a language change may have redrawn meanwhile; draw only the latest data.
    if (data !== this.data) return;
    const lang = getLanguage();
    const byKey = new Map(data.trend.rows.map((r) => [r.key, r]));
    const starts = bucketStarts(this.range, data.trend.group);
    const rows = starts.map((s) => byKey.get(s));
    const names = { received: t('dashboard.kpi.received'), closed: t('dashboard.kpi.closed'), onTime: t('dashboard.kpi.on_time_rate'), overdue: t('dashboard.kpi.overdue') };
    this.trend.draw(trendTitle, (canvas) =>
      charts.drawTrend(
        canvas,
        {
          labels: starts.map((s) => (data.trend.group === 'week' ? t('dashboard.trend.weekOf', { date: s.slice(5) }) : s.slice(5))),
          received: rows.map((r) => r?.received ?? 0),
          closed: rows.map((r) => r?.closed ?? 0),
          onTimeRate: rows.map((r) => r?.on_time_rate ?? null),
          names,
          formatPercent: (rate) => formatPercent(rate, lang),
        },
        DASHBOARD_COLORS,
      ),
    );
    const cats = [...data.categories].sort((a, b) => b.received - a.received);
    this.categories.draw(t('dashboard.category.heading'), (canvas) =>
      charts.drawCategories(
        canvas,
        { labels: cats.map((c) => c.name ?? c.key ?? ''), received: cats.map((c) => c.received), overdue: cats.map((c) => c.overdue), names },
        DASHBOARD_COLORS,
      ),
    );
  }
}
