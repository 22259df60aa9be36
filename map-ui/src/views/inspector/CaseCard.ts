// One case as a card in the phone lists: code, state, category with its symbol, when, and what.
import { h } from '../../dom';
import { getLanguage } from '../../i18n/i18n';
import type { CaseSummary, CategoryTree } from '../../report/report-types';
import { findCategory, iconOf, nameOf, statusText } from './case-text';

export function caseCard(c: CaseSummary, tree: CategoryTree | null, extra: HTMLElement[] = []): HTMLElement {
  const category = findCategory(tree, c.category);
  const when = new Date(c.created_at).toLocaleString(getLanguage(), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return h('li', { class: 'xc-insp-card', attrs: { 'data-code': c.code, 'data-status': c.status } }, [
    h('div', { class: 'xc-insp-card-head' }, [
      h('strong', { class: 'xc-insp-code', text: c.code }),
      h('span', { class: `xc-insp-chip xc-insp-chip-${c.status}`, text: statusText(c.status) }),
    ]),
    h('p', { class: 'xc-insp-card-category' }, [
      h('span', { class: 'xc-insp-tile-icon', text: iconOf(category?.icon ?? ''), attrs: { 'aria-hidden': 'true' } }),
      ` ${category ? nameOf(category) : c.category}`,
    ]),
    ...(c.description ? [h('p', { class: 'xc-insp-card-text', text: c.description })] : []),
    h('p', { class: 'xc-insp-hint', text: [when, c.area?.name].filter(Boolean).join(' · ') }),
    ...extra,
  ]);
}
