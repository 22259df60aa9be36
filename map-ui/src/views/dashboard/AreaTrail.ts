// The breadcrumb of the drill-down: from the user's own area to the one on show; earlier steps lead back up.
import { h } from '../../dom';
import { t } from '../../i18n/i18n';

/** One step of the drill-down; `code` null is "all areas" (an admin's top level). */
export type AreaStep = { code: string | null; name: string };

export class AreaTrail {
  readonly element: HTMLElement;
  private readonly list = h('ol', { class: 'xc-dash-trail-list' });

  constructor(private readonly onBack: (depth: number) => void) {
    this.element = h('nav', { class: 'xc-dash-trail' }, [this.list]);
  }

  render(steps: readonly AreaStep[]): void {
    this.element.setAttribute('aria-label', t('dashboard.trail'));
    this.list.replaceChildren(
      ...steps.map((step, i) => {
        const name = step.code === null ? t('dashboard.allAreas') : step.name;
        if (i === steps.length - 1) return h('li', {}, [h('span', { class: 'xc-dash-trail-current', text: name, attrs: { 'aria-current': 'page' } })]);
        const back = h('button', { class: 'xc-dash-trail-link', text: name, attrs: { type: 'button' } });
        back.addEventListener('click', () => this.onBack(i));
        return h('li', {}, [back]);
      }),
    );
  }
}
