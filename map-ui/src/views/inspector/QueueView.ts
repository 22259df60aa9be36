// 待发送: every queued report and its state — waiting, sending x%, failed with the reason, or sent → case code.
import { ApiError } from '../../api';
import { h } from '../../dom';
import { getLanguage, onLanguageChange, t, type MessageKey } from '../../i18n/i18n';
import type { Outbox, OutboxItem } from '../../report/outbox';
import { errorText } from './case-text';
import { Labels } from './labels';

// Rows are rebuilt on every change (and language switch), so they use plain text, not tracked labels.
const text = (key: MessageKey, params: Record<string, string | number> = {}) => document.createTextNode(t(key, params));

export class QueueView {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly list = h('ul', { class: 'xc-insp-list', attrs: { 'data-testid': 'queue' } });
  private readonly stop: () => void;
  private readonly stopLang: () => void;

  constructor(private readonly outbox: Outbox) {
    this.element = h('section', { class: 'xc-insp-screen' }, [
      h('h1', { class: 'xc-insp-title' }, [this.labels.text('inspector.queue')]),
      h('p', { class: 'xc-insp-hint' }, [this.labels.text('inspector.queueHint')]),
      this.list,
    ]);
    this.render();
    this.stop = outbox.subscribe(() => this.render());
    this.stopLang = onLanguageChange(() => this.render());
  }

  destroy(): void {
    this.stop();
    this.stopLang();
    this.labels.destroy();
  }

  private render(): void {
    const items = [...this.outbox.list()].reverse();
    if (items.length === 0) {
      this.list.replaceChildren(h('li', { class: 'xc-insp-empty' }, [text('inspector.queueEmpty')]));
      return;
    }
    this.list.replaceChildren(...items.map((item) => this.row(item)));
  }

  private row(item: OutboxItem): HTMLElement {
    const when = new Date(item.createdAt).toLocaleString(getLanguage(), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    const state = h('p', { class: `xc-insp-state xc-insp-state-${item.state}`, attrs: { 'data-testid': 'queue-state' } }, [this.stateText(item)]);
    const buttons: HTMLElement[] = [];
    if (item.state === 'waiting' || item.state === 'failed') {
      const retry = h('button', { class: 'xc-button xc-button-primary', attrs: { type: 'button' } }, [text('inspector.retry')]);
      retry.addEventListener('click', () => void this.outbox.retry(item.key));
      const remove = h('button', { class: 'xc-button xc-insp-danger', attrs: { type: 'button' } }, [text('inspector.delete')]);
      remove.addEventListener('click', () => {
        if (window.confirm(t('inspector.deleteConfirm'))) void this.outbox.remove(item.key);
      });
      buttons.push(retry, remove);
    }
    const title = item.kind === 'add_report' ? text('inspector.queueAddTo', { code: item.title }) : document.createTextNode(getLanguage() === 'en' && item.titleEn ? item.titleEn : item.title);
    return h('li', { class: 'xc-insp-card', attrs: { 'data-key': item.key, 'data-state': item.state } }, [
      h('div', { class: 'xc-insp-card-head' }, [h('strong', {}, [title]), h('span', { class: 'xc-insp-hint', text: when })]),
      h('p', { class: 'xc-insp-hint' }, [text('inspector.photoCount', { n: item.photos.length })]),
      state,
      ...(buttons.length ? [h('div', { class: 'xc-insp-row' }, buttons)] : []),
    ]);
  }

  private stateText(item: OutboxItem): Text {
    switch (item.state) {
      case 'waiting':
        return text(item.error ? 'inspector.state.waitingAfter' : 'inspector.state.waiting', {
          reason: item.error ? errorText(new ApiError(item.error.status, item.error.code, item.error.message)) : '',
        });
      case 'sending':
        return text('inspector.state.sending', { pct: Math.round((this.outbox.progressOf(item.key) ?? 0) * 100) });
      case 'failed':
        return text('inspector.state.failed', { reason: item.error ? errorText(new ApiError(item.error.status, item.error.code, item.error.message)) : '' });
      case 'sent':
        return text('inspector.state.sent', { code: item.result?.code ?? '' });
    }
  }
}
