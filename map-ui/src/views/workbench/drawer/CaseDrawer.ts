// The case drawer: one case's details, photos, timeline and the actions the API allows the caller now.
import { ApiError, type Api } from '../../../api';
import type { CaseActionName, CaseDetail, CaseEvent, Me } from '../../../api-types';
import { h, uniqueId } from '../../../dom';
import { onLanguageChange, t } from '../../../i18n/i18n';
import { actionPanel, errorText, type ActionPanelOptions } from './ActionPanel';
import { caseSummary } from './CaseSummary';
import { photoGallery } from './PhotoGallery';
import { timeline } from './Timeline';

export type CaseDrawerOptions = {
  api: Api;
  me: Me;
  /** After an action, or a reload that found the case changed: the case as it now stands. */
  onChanged: (view: CaseDetail) => void;
  onClose: () => void;
};

/**
 * A side panel over the map. open() loads the case and its events and moves focus in; Esc or the
 * close button closes it and focus goes back where it was.
 * @example const drawer = new CaseDrawer({ api, me, onChanged: refreshRow, onClose: () => {} }); layout.append(drawer.element); await drawer.open(42);
 */
export class CaseDrawer {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;
  private readonly title: HTMLHeadingElement;
  private caseId: number | null = null;
  private view: CaseDetail | null = null;
  private events: CaseEvent[] = [];
  private notice: ActionPanelOptions['notice'] = null;
  private returnFocus: HTMLElement | null = null;
  private loading: AbortController | null = null;
  private readonly stopLanguage: () => void;

  constructor(private readonly opts: CaseDrawerOptions) {
    const titleId = uniqueId('xc-drawer-title');
    this.title = h('h2', { class: 'xc-drawer-title', attrs: { id: titleId, tabindex: '-1' } });
    const close = h('button', { class: 'xc-button xc-drawer-close', text: '✕', attrs: { type: 'button', 'data-role': 'close' } });
    close.addEventListener('click', () => this.close());
    this.body = h('div', { class: 'xc-drawer-body' });
    this.element = h('aside', { class: 'xc-drawer', attrs: { role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId } }, [
      h('div', { class: 'xc-drawer-head' }, [this.title, close]),
      this.body,
    ]);
    this.element.hidden = true;
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        this.close();
      }
    });
    this.stopLanguage = onLanguageChange(() => this.render());
    this.render();
  }

  /** Shows the drawer with case `caseId`, loading it fresh. */
  async open(caseId: number): Promise<void> {
    if (this.element.hidden) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && !this.element.contains(active) ? active : null;
    }
    if (caseId !== this.caseId) {
      this.view = null;
      this.events = [];
    }
    this.caseId = caseId;
    this.notice = null;
    this.element.hidden = false;
    this.render();
    this.title.focus();
    await this.load();
    this.title.focus();
  }

  close(): void {
    if (this.element.hidden) return;
    this.loading?.abort();
    this.element.hidden = true;
    this.caseId = null;
    this.view = null;
    this.returnFocus?.focus();
    this.returnFocus = null;
    this.opts.onClose();
  }

  destroy(): void {
    this.loading?.abort();
    this.stopLanguage();
    this.element.remove();
  }

  private async load(): Promise<void> {
    const id = this.caseId;
    if (id === null) return;
    this.loading?.abort();
    const ctl = new AbortController();
    this.loading = ctl;
    try {
      const [view, { events }] = await Promise.all([this.opts.api.caseDetail(id, ctl.signal), this.opts.api.caseEvents(id, ctl.signal)]);
      if (ctl.signal.aborted || id !== this.caseId) return;
      const changed = this.view !== null && this.view.version !== view.version;
      this.view = view;
      this.events = events;
      this.render();
      if (changed) this.opts.onChanged(view);
    } catch (err) {
      if (ctl.signal.aborted) return;
      this.renderError(err);
    }
  }

  private async onDone(view: CaseDetail, action: CaseActionName): Promise<void> {
    this.view = view;
    this.notice = { kind: 'ok', text: t('drawer.form.done', { action: t(`drawer.action.${action}`) }) };
    this.render();
    this.opts.onChanged(view);
    // The new event (and its photos) come from the timeline; the case itself is already current.
    try {
      this.events = (await this.opts.api.caseEvents(view.id)).events;
      this.render();
    } catch {
      // The case is right; an older timeline until the next open is the lesser harm.
    }
    this.focusNotice();
  }

  private async onConflict(): Promise<void> {
    await this.load();
    this.notice = { kind: 'conflict', text: t('drawer.error.conflict') };
    this.render();
    this.focusNotice();
  }

  private focusNotice(): void {
    const notice = this.body.querySelector<HTMLElement>('.xc-notice');
    if (notice) {
      notice.tabIndex = -1;
      notice.focus();
    }
  }

  private render(): void {
    const close = this.element.querySelector<HTMLButtonElement>('[data-role=close]');
    if (close) close.setAttribute('aria-label', t('drawer.close'));
    this.element.setAttribute('aria-busy', this.view ? 'false' : 'true');
    const v = this.view;
    this.title.textContent = v ? v.code : t('drawer.label');
    if (!v) {
      this.body.replaceChildren(h('p', { class: 'xc-muted', text: t('drawer.loading'), attrs: { role: 'status' } }));
      return;
    }
    this.element.dataset['caseId'] = String(v.id);
    this.element.dataset['status'] = v.status;
    this.body.replaceChildren(
      ...caseSummary(v, new Date()),
      actionPanel({
        api: this.opts.api,
        case: v,
        notice: this.notice,
        onDone: (view, action) => void this.onDone(view, action),
        onConflict: () => void this.onConflict(),
      }),
      photoGallery(v.photos, v.code),
      timeline(this.events, v.code),
    );
  }

  private renderError(err: unknown): void {
    const retry = h('button', { class: 'xc-button', text: t('drawer.retry'), attrs: { type: 'button' } });
    retry.addEventListener('click', () => void this.load());
    const message = err instanceof ApiError && err.status === 404 ? err.message : errorText(err);
    this.body.replaceChildren(
      h('div', { class: 'xc-notice xc-notice-warn', attrs: { role: 'alert' } }, [h('p', { text: t('drawer.loadFailed', { message }) }), retry]),
    );
  }
}
