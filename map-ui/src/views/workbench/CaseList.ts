// The case list beside the map: a page of cases with state, category, area, time and badges; sortable by
// report time, paged, and keyboard navigable (arrow keys move, Enter opens).
import type { CaseListItem } from '../../api-types';
import { h } from '../../dom';
import { getLanguage, onLanguageChange, t, type MessageKey } from '../../i18n/i18n';
import { stateColor } from '../../map/case-styles';
import type { LonLat } from '../../map/datum';
import type { SortOrder } from './case-filter';
import { stateName } from './labels';

export type CaseRow = CaseListItem & { at: LonLat };

export type CaseListOptions = {
  categoryName: (code: string) => string;
  /** A row got focus or a click: highlight its marker. */
  onSelect: (row: CaseRow) => void;
  /** A row was clicked or Enter was pressed on it. */
  onOpen: (row: CaseRow) => void;
  onPage: (page: number) => void;
  onSort: (sort: SortOrder) => void;
  onRetry: () => void;
};

type ListState = { kind: 'loading' } | { kind: 'failed'; message: MessageKey } | { kind: 'loaded'; rows: CaseRow[]; total: number; capped: boolean; page: number; pages: number };

export class CaseList {
  readonly element: HTMLElement;
  /** Where the view puts its live indicator, in the list's header. */
  readonly liveSlot: HTMLElement;
  private readonly texts: [HTMLElement, MessageKey][] = [];
  private readonly count = h('span', { class: 'xc-list-count', attrs: { 'aria-live': 'polite' } });
  private readonly list: HTMLElement;
  private readonly status = h('p', { class: 'xc-list-status' });
  private readonly pager: HTMLElement;
  private readonly pageLabel = h('span', { class: 'xc-list-page' });
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly sort: HTMLSelectElement;
  private state: ListState = { kind: 'loading' };
  private selectedId: number | null = null;
  private readonly newIds = new Set<number>();
  private readonly stopListening: () => void;

  constructor(private readonly options: CaseListOptions) {
    const text = <K extends keyof HTMLElementTagNameMap>(tag: K, key: MessageKey, props: { class?: string; attrs?: Record<string, string> } = {}) => {
      const el = h(tag, props);
      this.texts.push([el, key]);
      return el;
    };
    const hintId = `xc-list-hint`;
    this.sort = h('select', { class: 'xc-input xc-list-sort', attrs: { id: 'xc-list-sort' } }, [
      text('option', 'workbench.list.newest', { attrs: { value: 'newest' } }),
      text('option', 'workbench.list.oldest', { attrs: { value: 'oldest' } }),
    ]);
    this.sort.addEventListener('change', () => options.onSort(this.sort.value as SortOrder));
    this.liveSlot = h('span', { class: 'xc-live-slot' });
    const header = h('div', { class: 'xc-list-header' }, [
      h('div', { class: 'xc-list-title' }, [text('h2', 'workbench.list.heading', { attrs: { id: 'xc-list-heading' } }), this.count, this.liveSlot]),
      h('div', { class: 'xc-list-sort-field' }, [text('label', 'workbench.list.sort', { attrs: { for: 'xc-list-sort' } }), this.sort]),
    ]);
    this.list = h('ul', { class: 'xc-case-list', attrs: { 'aria-labelledby': 'xc-list-heading', 'aria-describedby': hintId } });
    this.list.addEventListener('keydown', (e) => this.onKey(e));
    this.prev = text('button', 'workbench.list.prev', { class: 'xc-button', attrs: { type: 'button' } }) as HTMLButtonElement;
    this.next = text('button', 'workbench.list.next', { class: 'xc-button', attrs: { type: 'button' } }) as HTMLButtonElement;
    this.prev.addEventListener('click', () => this.state.kind === 'loaded' && options.onPage(this.state.page - 1));
    this.next.addEventListener('click', () => this.state.kind === 'loaded' && options.onPage(this.state.page + 1));
    this.pager = h('nav', { class: 'xc-list-pager' }, [this.prev, this.pageLabel, this.next]);
    this.element = h('section', { class: 'xc-list-panel' }, [
      header,
      text('p', 'workbench.list.keyboardHint', { class: 'xc-visually-hidden', attrs: { id: hintId } }),
      this.status,
      this.list,
      this.pager,
    ]);
    this.render();
    this.stopListening = onLanguageChange(() => this.render());
  }

  get sortOrder(): SortOrder {
    return this.sort.value as SortOrder;
  }

  setLoading(): void {
    // Keep the rows on screen while the next page loads; only an empty list says "loading".
    if (this.state.kind !== 'loaded') this.state = { kind: 'loading' };
    this.list.setAttribute('aria-busy', 'true');
    this.renderStatus();
  }

  setFailed(message: MessageKey): void {
    this.state = { kind: 'failed', message };
    this.list.removeAttribute('aria-busy');
    this.render();
  }

  /** `capped`: more match than the API counts, so `total` is a lower bound. */
  setPage(rows: CaseRow[], total: number, page: number, pages: number, capped = false): void {
    const hadFocus = this.list.contains(document.activeElement);
    this.state = { kind: 'loaded', rows, total, capped, page, pages };
    this.list.removeAttribute('aria-busy');
    this.render();
    // A live refresh must not throw the keyboard user out of the list.
    if (hadFocus) this.rowButton(this.selectedId)?.focus() ?? this.buttons()[0]?.focus();
  }

  /** Highlights a row (its marker was clicked) and scrolls it into view. */
  select(caseId: number | null): void {
    this.selectedId = caseId;
    for (const b of this.buttons()) {
      const on = Number(b.dataset.caseId) === caseId;
      b.setAttribute('aria-current', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
      if (on) b.scrollIntoView({ block: 'nearest' });
    }
    this.ensureTabStop();
  }

  /** Shows the 新案件 badge on a case for a while. */
  markNew(caseId: number, forMs = 15_000): void {
    this.newIds.add(caseId);
    setTimeout(() => {
      this.newIds.delete(caseId);
      this.rowButton(caseId)?.querySelector('.xc-row-badge-new')?.remove();
    }, forMs);
  }

  destroy(): void {
    this.stopListening();
    this.element.remove();
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.list.querySelectorAll<HTMLButtonElement>('button.xc-case-row')];
  }

  private rowButton(caseId: number | null): HTMLButtonElement | undefined {
    return caseId === null ? undefined : this.buttons().find((b) => Number(b.dataset.caseId) === caseId);
  }

  /** Exactly one row is reachable with Tab (roving tabindex): the selected one, else the first. */
  private ensureTabStop(): void {
    const buttons = this.buttons();
    if (buttons.length && !buttons.some((b) => b.tabIndex === 0)) buttons[0]!.tabIndex = 0;
  }

  private onKey(e: KeyboardEvent): void {
    const buttons = this.buttons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const target = buttons[Math.max(0, Math.min(buttons.length - 1, to))];
    if (!target) return;
    for (const b of buttons) b.tabIndex = b === target ? 0 : -1;
    target.focus();
  }

  private render(): void {
    for (const [el, key] of this.texts) el.textContent = t(key);
    this.renderStatus();
    const s = this.state;
    if (s.kind !== 'loaded') {
      this.list.replaceChildren();
      this.pager.hidden = true;
      this.count.textContent = '';
      return;
    }
    this.count.textContent = t(s.capped ? 'workbench.list.countCapped' : 'workbench.list.count', { total: s.total });
    this.list.replaceChildren(...s.rows.map((row) => this.renderRow(row)));
    this.ensureTabStop();
    this.pager.hidden = s.pages <= 1;
    this.pageLabel.textContent = t('workbench.list.page', { page: s.page, pages: s.pages });
    this.prev.disabled = s.page <= 1;
    this.next.disabled = s.page >= s.pages;
  }

  private renderStatus(): void {
    const s = this.state;
    const retry = h('button', { class: 'xc-button xc-list-retry', text: t('map.retry'), attrs: { type: 'button' } });
    retry.addEventListener('click', () => this.options.onRetry());
    if (s.kind === 'loading') this.status.replaceChildren(t('workbench.list.loading'));
    else if (s.kind === 'failed') this.status.replaceChildren(t(s.message), ' ', retry);
    else this.status.replaceChildren(s.rows.length ? '' : t('workbench.list.empty'));
    this.status.hidden = !this.status.textContent;
    this.status.setAttribute('role', s.kind === 'failed' ? 'alert' : 'status');
  }

  private renderRow(row: CaseRow): HTMLElement {
    const time = new Intl.DateTimeFormat(getLanguage(), { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    const chip = h('span', { class: 'xc-status-chip', text: stateName(row.status) });
    chip.style.setProperty('--xc-state', stateColor(row.status));
    const badges: HTMLElement[] = [];
    if (this.newIds.has(row.id)) badges.push(h('span', { class: 'xc-row-badge xc-row-badge-new', text: t('workbench.badge.new') }));
    if (row.overdue) badges.push(h('span', { class: 'xc-row-badge xc-row-badge-overdue', text: t('workbench.badge.overdue') }));
    else if (row.due_soon) badges.push(h('span', { class: 'xc-row-badge xc-row-badge-due-soon', text: t('workbench.badge.dueSoon') }));
    if (row.urgent) badges.push(h('span', { class: 'xc-row-badge xc-row-badge-urgent', text: t('workbench.badge.urgent') }));
    const selected = row.id === this.selectedId;
    const button = h('button', {
      class: 'xc-case-row',
      attrs: { type: 'button', 'data-case-id': String(row.id), 'data-code': row.code, 'data-status': row.status, 'aria-current': selected ? 'true' : 'false', tabindex: selected ? '0' : '-1' },
    }, [
      h('span', { class: 'xc-case-row-top' }, [h('span', { class: 'xc-case-code', text: row.code }), chip, ...badges]),
      h('span', { class: 'xc-case-row-what', text: `${this.options.categoryName(row.category)} · ${row.area?.name ?? t('workbench.list.unassigned')}` }),
      h('span', { class: 'xc-case-row-when' }, [
        h('time', { text: time.format(new Date(row.created_at)), attrs: { datetime: row.created_at } }),
        ...(row.due_at ? [h('span', { class: 'xc-case-row-due', text: t('workbench.list.due', { time: time.format(new Date(row.due_at)) }) })] : []),
      ]),
    ]);
    button.addEventListener('focus', () => this.options.onSelect(row));
    button.addEventListener('click', () => this.options.onOpen(row));
    return h('li', {}, [button]);
  }
}
