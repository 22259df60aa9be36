// The child areas' key numbers as a table, the choropleth's readable twin: each name opens that area.
import { h } from '../../dom';
import { getLanguage, t, type MessageKey } from '../../i18n/i18n';
import { formatCount, formatPercent } from './format';
import { overdueRate } from './scale';
import type { StatsGroupRow } from './stats-api';

const COLUMNS: readonly MessageKey[] = [
  'dashboard.areas.area', 'dashboard.kpi.received', 'dashboard.kpi.dispatched', 'dashboard.kpi.overdue',
  'dashboard.areas.overdueRate', 'dashboard.kpi.on_time_rate',
];

export class AreaTable {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { class: 'xc-dash-heading' });
  private readonly table = h('table', { class: 'xc-dash-table' });
  private rows: readonly StatsGroupRow[] = [];

  constructor(private readonly onOpen: (code: string, name: string) => void) {
    this.element = h('section', { class: 'xc-dash-section xc-dash-areas' }, [this.heading, this.table]);
  }

  setData(rows: readonly StatsGroupRow[]): void {
    this.rows = rows;
    this.render();
  }

  render(): void {
    const lang = getLanguage();
    this.heading.textContent = t('dashboard.areas.heading');
    this.element.hidden = this.rows.length === 0;
    const head = h('thead', {}, [h('tr', {}, COLUMNS.map((key, i) => h('th', { text: t(key), attrs: { scope: 'col', ...(i ? { class: 'xc-num' } : {}) } })))]);
    const body = h(
      'tbody',
      {},
      this.rows.map((row) => {
        const code = row.key ?? '';
        const name = row.name ?? code;
        const open = h('button', { class: 'xc-dash-link', text: name, attrs: { type: 'button', 'data-area': code } });
        open.addEventListener('click', () => this.onOpen(code, name));
        return h('tr', { attrs: { 'data-area': code } }, [
          h('th', { attrs: { scope: 'row' } }, [open]),
          h('td', { class: 'xc-num', text: formatCount(row.received, lang) }),
          h('td', { class: 'xc-num', text: formatCount(row.dispatched, lang) }),
          h('td', { class: 'xc-num', text: formatCount(row.overdue, lang) }),
          h('td', { class: 'xc-num', text: formatPercent(overdueRate(row), lang) }),
          h('td', { class: 'xc-num', text: formatPercent(row.on_time_rate, lang) }),
        ]);
      }),
    );
    this.table.replaceChildren(head, body);
  }
}
