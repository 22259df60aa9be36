// The inspector's phone home: one big 上报问题 button, the send queue's count, 我的上报 and 待核查.
// Sub-screens replace the home below the header; the back button returns to it.
import { ApiError } from '../../api';
import { h } from '../../dom';
import { Outbox } from '../../report/outbox';
import { preloadExifReader } from '../../report/photo-gps';
import { reportApi, sendOutboxItem } from '../../report/report-api';
import type { CategoryTree } from '../../report/report-types';
import { AppHeader } from '../AppHeader';
import type { HomeContext } from '../home';
import { Labels } from './labels';
import { MyReports } from './MyReports';
import { QueueView } from './QueueView';
import { RecheckList } from './RecheckList';
import { ReportForm, type ReportOutcome } from './ReportForm';

/** A screen shown in place of the home; destroyed when the user goes back. */
export type Screen = { readonly element: HTMLElement; destroy(): void };

export class InspectorHome {
  readonly element: HTMLElement;
  private readonly header: AppHeader;
  private readonly labels = new Labels();
  private readonly outbox: Outbox;
  private readonly main = h('main', { class: 'xc-insp-main' });
  private readonly home: HTMLElement;
  private readonly notice = h('p', { class: 'xc-insp-notice', attrs: { role: 'status' } });
  private readonly queueCount = h('span', { class: 'xc-insp-count' });
  private readonly recheckCount = h('span', { class: 'xc-insp-count' });
  private screen: Screen | null = null;
  private categories: Promise<CategoryTree | null> | null = null;
  private stopOutbox: () => void = () => undefined;

  constructor(private readonly ctx: HomeContext) {
    this.header = new AppHeader({ me: ctx.me, onLogout: ctx.onLogout });
    this.outbox = new Outbox({ userId: ctx.me.id, send: sendOutboxItem, onSessionExpired: ctx.onSessionExpired });
    const L = this.labels;
    const report = h('button', { class: 'xc-insp-report', attrs: { type: 'button', 'data-testid': 'report' } }, [
      h('span', { class: 'xc-insp-report-icon', text: '+', attrs: { 'aria-hidden': 'true' } }),
      h('span', {}, [L.text('inspector.report')]),
    ]);
    report.addEventListener('click', () => this.openReport());
    const queue = this.navButton('queue', [L.text('inspector.queue'), this.queueCount], () => this.open(new QueueView(this.outbox)));
    const mine = this.navButton('mine', [L.text('inspector.mine')], () => this.open(new MyReports(this.loadCategories())));
    const recheck = this.navButton('recheck', [L.text('inspector.recheck'), this.recheckCount], () =>
      this.open(new RecheckList(this.loadCategories(), () => void this.countRechecks())),
    );
    this.home = h('div', { class: 'xc-insp-home' }, [this.notice, report, queue, mine, recheck]);
    this.element = h('div', { class: 'xc-insp' }, [this.header.element, this.main]);
  }

  mount(parent: HTMLElement): void {
    parent.replaceChildren(this.element);
    this.showHome();
    this.stopOutbox = this.outbox.subscribe(() => this.showQueueCount());
    this.outbox.start().catch(() => this.say('inspector.queueUnavailable'));
    this.showQueueCount();
    void this.countRechecks();
    preloadExifReader();
  }

  destroy(): void {
    this.screen?.destroy();
    this.stopOutbox();
    this.outbox.stop();
    this.labels.destroy();
    this.header.destroy();
    this.element.remove();
  }

  private navButton(name: string, content: Node[], onClick: () => void): HTMLButtonElement {
    const button = h('button', { class: 'xc-button xc-insp-nav', attrs: { type: 'button', 'data-testid': name } }, content);
    button.addEventListener('click', onClick);
    return button;
  }

  private loadCategories(): Promise<CategoryTree | null> {
    this.categories ??= reportApi.categories().catch(() => {
      this.categories = null;
      return null;
    });
    return this.categories;
  }

  private openReport(): void {
    this.open(
      new ReportForm({
        categories: this.loadCategories(),
        outbox: this.outbox,
        me: this.ctx.me,
        config: this.ctx.config,
        onDone: (outcome) => this.reportDone(outcome),
      }),
    );
  }

  private reportDone(outcome: ReportOutcome): void {
    this.showHome();
    if (outcome.state === 'sent') this.say(outcome.added ? 'inspector.addedTo' : 'inspector.sent', { code: outcome.code });
    else this.say('inspector.queued');
  }

  private open(screen: Screen): void {
    this.screen?.destroy();
    this.screen = screen;
    const back = h('button', { class: 'xc-button xc-insp-back', attrs: { type: 'button' } }, ['‹ ', this.labels.text('inspector.back')]);
    back.addEventListener('click', () => this.showHome());
    this.main.replaceChildren(back, screen.element);
    window.scrollTo(0, 0);
  }

  private showHome(): void {
    this.screen?.destroy();
    this.screen = null;
    this.notice.textContent = '';
    this.main.replaceChildren(this.home);
    void this.countRechecks();
  }

  private say(key: Parameters<Labels['text']>[0], params: Record<string, string> = {}): void {
    this.notice.replaceChildren(this.labels.text(key, params));
  }

  private showQueueCount(): void {
    const n = this.outbox.pendingCount();
    this.queueCount.textContent = String(n);
    this.queueCount.classList.toggle('xc-insp-count-alert', n > 0);
  }

  private async countRechecks(): Promise<void> {
    try {
      const list = await reportApi.awaitingRecheck();
      this.recheckCount.textContent = String(list.total);
      this.recheckCount.classList.toggle('xc-insp-count-alert', list.total > 0);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.ctx.onSessionExpired();
      this.recheckCount.textContent = '–';
    }
  }
}
