// 待核查: rectified cases in my area; each is checked on site and passed or failed with a photo.
import { h } from '../../dom';
import { reportApi } from '../../report/report-api';
import type { CaseSummary, CategoryTree } from '../../report/report-types';
import { caseCard } from './CaseCard';
import { errorText } from './case-text';
import { Labels } from './labels';
import { RecheckForm } from './RecheckForm';

export class RecheckList {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly list = h('ul', { class: 'xc-insp-list', attrs: { 'data-testid': 'recheck-list', 'aria-busy': 'true' } });
  private readonly notice = h('p', { class: 'xc-insp-notice', attrs: { role: 'status' } });
  private form: RecheckForm | null = null;

  constructor(
    private readonly categories: Promise<CategoryTree | null>,
    private readonly onChecked: () => void,
  ) {
    this.element = h('section', { class: 'xc-insp-screen' }, [
      h('h1', { class: 'xc-insp-title' }, [this.labels.text('inspector.recheck')]),
      this.notice,
      this.list,
    ]);
    void this.load();
  }

  destroy(): void {
    this.form?.destroy();
    this.labels.destroy();
  }

  private async load(): Promise<void> {
    try {
      const [tree, list] = await Promise.all([this.categories, reportApi.awaitingRecheck()]);
      this.list.replaceChildren(...list.cases.map((c) => this.card(c, tree)));
      if (list.cases.length === 0) this.list.replaceChildren(h('li', { class: 'xc-insp-empty' }, [this.labels.text('inspector.recheckEmpty')]));
    } catch (err) {
      this.list.replaceChildren(h('li', { class: 'xc-insp-error', text: errorText(err) }));
    } finally {
      this.list.setAttribute('aria-busy', 'false');
    }
  }

  private card(c: CaseSummary, tree: CategoryTree | null): HTMLElement {
    const open = h('button', { class: 'xc-button xc-button-primary xc-insp-wide', attrs: { type: 'button' } }, [this.labels.text('inspector.recheckThis')]);
    const card = caseCard(c, tree, [open]);
    open.addEventListener('click', () => {
      this.form?.destroy();
      this.form = new RecheckForm(c, (done) => {
        this.form?.destroy();
        this.form = null;
        this.notice.replaceChildren(this.labels.text(done.passed ? 'inspector.recheckPassed' : 'inspector.recheckFailed', { code: c.code }));
        card.remove();
        if (this.list.childElementCount === 0) this.list.replaceChildren(h('li', { class: 'xc-insp-empty' }, [this.labels.text('inspector.recheckEmpty')]));
        this.onChecked();
      });
      open.replaceWith(this.form.element);
    });
    return card;
  }
}
