// The filter bar over the list and the map: states (several), category, area, overdue and due-soon, report dates.
import { CASE_STATES, type CaseState, type CategoryTree } from '../../api-types';
import { h, uniqueId } from '../../dom';
import { getLanguage, onLanguageChange, t, type MessageKey } from '../../i18n/i18n';
import { stateColor } from '../../map/case-styles';
import type { AreaOption } from './area-options';
import { EMPTY_FILTER, activeFilterCount, type CaseFilter } from './case-filter';

export type FilterBarOptions = { onChange: (filter: CaseFilter) => void };

export class FilterBar {
  readonly element: HTMLElement;
  private filter: CaseFilter = EMPTY_FILTER;
  private readonly texts: [HTMLElement, MessageKey][] = [];
  private readonly stateBoxes = new Map<CaseState, HTMLInputElement>();
  private readonly statusMenu: HTMLDetailsElement;
  private readonly statusSummary: HTMLElement;
  private readonly category: HTMLSelectElement;
  private readonly area: HTMLSelectElement;
  private readonly areaAll: HTMLOptionElement;
  private readonly overdue: HTMLInputElement;
  private readonly dueSoon: HTMLInputElement;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly clear: HTMLButtonElement;
  private categories: CategoryTree | null = null;
  private readonly stopListening: () => void;
  private readonly onDocumentClick = (e: MouseEvent) => {
    if (this.statusMenu.open && !this.statusMenu.contains(e.target as Node)) this.statusMenu.open = false;
  };

  constructor(private readonly options: FilterBarOptions) {
    const text = <K extends keyof HTMLElementTagNameMap>(tag: K, key: MessageKey, cls?: string) => {
      const el = h(tag, cls ? { class: cls } : {});
      this.texts.push([el, key]);
      return el;
    };

    // States: a disclosure with a checkbox per state, so eight states take one control's width.
    this.statusSummary = h('summary', { class: 'xc-input xc-filter-summary' });
    const stateList = h('fieldset', { class: 'xc-filter-states' }, [text('legend', 'workbench.filter.status', 'xc-visually-hidden')]);
    for (const state of CASE_STATES) {
      const box = h('input', { attrs: { type: 'checkbox', value: state, 'data-state': state } });
      box.addEventListener('change', () => this.update({ status: CASE_STATES.filter((s) => this.stateBoxes.get(s)?.checked) }));
      this.stateBoxes.set(state, box);
      const dot = h('span', { class: 'xc-case-legend-dot', attrs: { 'aria-hidden': 'true' } });
      dot.style.backgroundColor = stateColor(state);
      stateList.append(h('label', { class: 'xc-filter-state' }, [box, dot, text('span', `workbench.status.${state}`)]));
    }
    this.statusMenu = h('details', { class: 'xc-filter-menu' }, [this.statusSummary, stateList]);
    this.statusMenu.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !this.statusMenu.open) return;
      this.statusMenu.open = false;
      this.statusSummary.focus();
    });
    document.addEventListener('click', this.onDocumentClick);

    this.category = h('select', { class: 'xc-input', attrs: { name: 'category' } });
    this.category.addEventListener('change', () => this.update({ category: this.category.value }));
    this.areaAll = text('option', 'workbench.filter.areaAll') as HTMLOptionElement;
    this.areaAll.value = '';
    this.area = h('select', { class: 'xc-input', attrs: { name: 'area' } }, [this.areaAll]);
    this.area.addEventListener('change', () => this.update({ area: this.area.value }));
    this.overdue = h('input', { attrs: { type: 'checkbox', name: 'overdue' } });
    this.overdue.addEventListener('change', () => this.update({ overdue: this.overdue.checked }));
    this.dueSoon = h('input', { attrs: { type: 'checkbox', name: 'due_soon' } });
    this.dueSoon.addEventListener('change', () => this.update({ dueSoon: this.dueSoon.checked }));
    this.from = h('input', { class: 'xc-input', attrs: { type: 'date', name: 'from' } });
    this.from.addEventListener('change', () => this.update({ from: this.from.value }));
    this.to = h('input', { class: 'xc-input', attrs: { type: 'date', name: 'to' } });
    this.to.addEventListener('change', () => this.update({ to: this.to.value }));
    this.clear = text('button', 'workbench.filter.clear', 'xc-button xc-filter-clear') as HTMLButtonElement;
    this.clear.type = 'button';
    this.clear.addEventListener('click', () => this.reset());

    const field = (key: MessageKey, control: HTMLElement) => {
      const id = uniqueId('xc-filter');
      control.id = id;
      const label = text('label', key, 'xc-filter-label');
      label.setAttribute('for', id);
      return h('div', { class: 'xc-filter-field' }, [label, control]);
    };
    const toggle = (key: MessageKey, box: HTMLInputElement, cls: string) => h('label', { class: `xc-filter-toggle ${cls}` }, [box, text('span', key)]);
    const statusLabel = text('span', 'workbench.filter.status', 'xc-filter-label');
    statusLabel.setAttribute('aria-hidden', 'true');

    const form = h('form', { class: 'xc-filter-bar', attrs: { role: 'search' } }, [
      h('div', { class: 'xc-filter-field' }, [statusLabel, this.statusMenu]),
      field('workbench.filter.category', this.category),
      field('workbench.filter.area', this.area),
      h('div', { class: 'xc-filter-toggles' }, [toggle('workbench.filter.overdue', this.overdue, 'is-overdue'), toggle('workbench.filter.dueSoon', this.dueSoon, 'is-due-soon')]),
      field('workbench.filter.from', this.from),
      field('workbench.filter.to', this.to),
      this.clear,
    ]);
    form.addEventListener('submit', (e) => e.preventDefault());
    this.element = form;
    this.render();
    this.stopListening = onLanguageChange(() => this.render());
  }

  get value(): CaseFilter {
    return this.filter;
  }

  setCategories(tree: CategoryTree): void {
    this.categories = tree;
    this.renderCategories();
  }

  setAreas(options: readonly AreaOption[]): void {
    const current = this.area.value;
    // Full-width spaces indent by depth; a <select> shows nothing else.
    this.area.replaceChildren(this.areaAll, ...options.map((o) => h('option', { text: `${'\u3000'.repeat(o.depth)}${o.name}`, attrs: { value: o.code } })));
    this.area.value = current;
  }

  destroy(): void {
    this.stopListening();
    document.removeEventListener('click', this.onDocumentClick);
    this.element.remove();
  }

  private update(change: Partial<CaseFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.renderSummary();
    this.options.onChange(this.filter);
  }

  private reset(): void {
    for (const box of this.stateBoxes.values()) box.checked = false;
    this.category.value = this.area.value = this.from.value = this.to.value = '';
    this.overdue.checked = this.dueSoon.checked = false;
    this.update(EMPTY_FILTER);
  }

  private render(): void {
    for (const [el, key] of this.texts) el.textContent = t(key);
    this.renderCategories();
    this.renderSummary();
  }

  private renderSummary(): void {
    const n = this.filter.status.length;
    this.statusSummary.textContent = n ? t('workbench.filter.statusSome', { count: n }) : t('workbench.filter.statusAll');
    this.statusSummary.setAttribute('aria-label', `${t('workbench.filter.status')}: ${this.statusSummary.textContent}`);
    this.clear.disabled = activeFilterCount(this.filter) === 0;
  }

  private renderCategories(): void {
    const zh = getLanguage() === 'zh-CN';
    const all = h('option', { text: t('workbench.filter.categoryAll'), attrs: { value: '' } });
    const groups = (this.categories?.groups ?? []).map((g) =>
      h('optgroup', { attrs: { label: zh ? g.name_zh : g.name_en } }, g.categories.map((c) => h('option', { text: zh ? c.name_zh : c.name_en, attrs: { value: c.code } }))),
    );
    this.category.replaceChildren(all, ...groups);
    this.category.value = this.filter.category;
  }
}
