// Short status lines over the map ("loading areas", "base map unavailable"), each with an optional action button.
import * as L from 'leaflet';
import { h } from '../dom';
import { onLanguageChange, t, type MessageKey } from '../i18n/i18n';

export type Notice = {
  message: MessageKey;
  /** `error` is announced to screen readers at once; `info` politely. */
  tone: 'info' | 'error';
  action?: { label: MessageKey; run: () => void };
};

export class NoticeControl extends L.Control {
  private readonly notices = new Map<string, Notice>();
  private list: HTMLElement | null = null;
  private stopListening: (() => void) | null = null;

  constructor(options: L.ControlOptions = {}) {
    super({ position: 'topright', ...options });
  }

  /** Shows the notice under `id`, replacing the one there; `null` clears it. */
  set(id: string, notice: Notice | null): void {
    if (notice) this.notices.set(id, notice);
    else this.notices.delete(id);
    this.render();
  }

  override onAdd(): HTMLElement {
    this.list = h('div', { class: 'xc-notices', attrs: { 'aria-live': 'polite' } });
    this.stopListening = onLanguageChange(() => this.render());
    L.DomEvent.disableClickPropagation(this.list);
    this.render();
    return this.list;
  }

  override onRemove(): void {
    this.stopListening?.();
    this.stopListening = null;
    this.list = null;
  }

  private render(): void {
    if (!this.list) return;
    this.list.replaceChildren(
      ...[...this.notices.entries()].map(([id, n]) => {
        const item = h('p', {
          class: `xc-notice xc-notice-${n.tone}`,
          text: t(n.message),
          attrs: { 'data-notice': id, ...(n.tone === 'error' ? { role: 'alert' } : {}) },
        });
        if (n.action) {
          const button = h('button', { class: 'xc-button xc-notice-action', text: t(n.action.label), attrs: { type: 'button' } });
          button.addEventListener('click', n.action.run);
          item.append(' ', button);
        }
        return item;
      }),
    );
    this.list.hidden = this.notices.size === 0;
  }
}
