// 我的上报: the cases I reported, newest first, each with its state.
import { h } from '../../dom';
import { reportApi } from '../../report/report-api';
import type { CategoryTree } from '../../report/report-types';
import { caseCard } from './CaseCard';
import { errorText } from './case-text';
import { Labels } from './labels';

export class MyReports {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly list = h('ul', { class: 'xc-insp-list', attrs: { 'data-testid': 'my-reports', 'aria-busy': 'true' } });

  constructor(categories: Promise<CategoryTree | null>) {
    this.element = h('section', { class: 'xc-insp-screen' }, [h('h1', { class: 'xc-insp-title' }, [this.labels.text('inspector.mine')]), this.list]);
    void this.load(categories);
  }

  destroy(): void {
    this.labels.destroy();
  }

  private async load(categories: Promise<CategoryTree | null>): Promise<void> {
    try {
      const [tree, list] = await Promise.all([categories, reportApi.myCases()]);
      this.list.replaceChildren(...list.cases.map((c) => caseCard(c, tree)));
      if (list.cases.length === 0) this.list.replaceChildren(h('li', { class: 'xc-insp-empty' }, [this.labels.text('inspector.mineEmpty')]));
    } catch (err) {
      this.list.replaceChildren(h('li', { class: 'xc-insp-error', text: errorText(err) }));
    } finally {
      this.list.setAttribute('aria-busy', 'false');
    }
  }
}
