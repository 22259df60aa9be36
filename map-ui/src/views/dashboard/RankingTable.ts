// The unit ranking by on-time closure rate, sortable by its number columns, showing each unit's n.
import { h } from '../../dom';
import { getLanguage, t, type MessageKey } from '../../i18n/i18n';
import { formatCount, formatPercent } from './format';
import { MIN_RANKED_DUE, rankUnits, type RankSortKey, type SortDirection } from './ranking';
import type { StatsGroupRow } from './stats-api';

const SORTABLE: readonly { key: RankSortKey; label: MessageKey }[] = [
  { key: 'on_time_rate', label: 'dashboard.kpi.on_time_rate' },
  { key: 'due', label: 'dashboard.ranking.n' },
  { key: 'closed_on_time', label: 'dashboard.kpi.closed_on_time' },
  { key: 'overdue', label: 'dashboard.kpi.overdue' },
];

export class RankingTable {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { class: 'xc-dash-heading' });
  private readonly note = h('p', { class: 'xc-dash-note' });
  private readonly table = h('table', { class: 'xc-dash-table xc-dash-ranking' });
  private readonly empty = h('p', { class: 'xc-dash-message' });
  private groups: readonly StatsGroupRow[] = [];
  private sortBy: RankSortKey = 'on_time_rate';
  private direction: SortDirection = 'desc';

  constructor() {
    this.element = h('section', { class: 'xc-dash-section xc-dash-ranking-section' }, [this.heading, this.note, this.table, this.empty]);
  }

  setData(groups: readonly StatsGroupRow[]): void {
    this.groups = groups;
    this.render();
  }

  render(): void {
    const lang = getLanguage();
    this.heading.textContent = t('dashboard.ranking.heading');
    this.note.textContent = `${t('dashboard.ranking.note', { n: MIN_RANKED_DUE })} ${t('dashboard.ranking.sortHint')}`;
    const units = rankUnits(this.groups, { sortBy: this.sortBy, direction: this.direction });
    this.table.hidden = units.length === 0;
    this.empty.textContent = units.length ? '' : t('dashboard.ranking.empty');

    const sortHeader = (key: RankSortKey, label: MessageKey) => {
      const active = key === this.sortBy;
      const button = h('button', { class: 'xc-dash-sort', attrs: { type: 'button', 'data-sort': key } }, [
        t(label),
        h('span', { class: 'xc-dash-sort-mark', text: active ? (this.direction === 'desc' ? ' ▼' : ' ▲') : '', attrs: { 'aria-hidden': 'true' } }),
      ]);
      button.addEventListener('click', () => {
        this.direction = active && this.direction === 'desc' ? 'asc' : 'desc';
        this.sortBy = key;
        this.render();
        this.table.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
      });
      const attrs: Record<string, string> = { scope: 'col', class: 'xc-num' };
      if (active) attrs['aria-sort'] = this.direction === 'desc' ? 'descending' : 'ascending';
      return h('th', { attrs }, [button]);
    };
    const head = h('thead', {}, [
      h('tr', {}, [
        h('th', { class: 'xc-num', text: t('dashboard.ranking.rank'), attrs: { scope: 'col' } }),
        h('th', { text: t('dashboard.ranking.unit'), attrs: { scope: 'col' } }),
        ...SORTABLE.map((c) => sortHeader(c.key, c.label)),
      ]),
    ]);
    const body = h(
      'tbody',
      {},
      units.map((u) =>
        h('tr', { class: u.rank === null ? 'xc-dash-unranked' : '', attrs: { 'data-unit': u.code } }, [
          h('td', { class: 'xc-num', text: u.rank === null ? t('dashboard.ranking.unranked') : String(u.rank) }),
          h('th', { text: u.name, attrs: { scope: 'row' } }),
          h('td', { class: 'xc-num', text: formatPercent(u.onTimeRate, lang) }),
          h('td', { class: 'xc-num', text: formatCount(u.due, lang) }),
          h('td', { class: 'xc-num', text: formatCount(u.closedOnTime, lang) }),
          h('td', { class: 'xc-num', text: formatCount(u.overdue, lang) }),
        ]),
      ),
    );
    this.table.replaceChildren(head, body);
  }
}
