// A full-screen photo viewer: zoom and pan (by @panzoom/panzoom), previous/next, the original, and the keyboard.
import Panzoom, { type PanzoomObject } from '@panzoom/panzoom';
import { h } from '../../../dom';
import { t, type MessageKey } from '../../../i18n/i18n';

/** One photo the viewer can show; `original` is absent for timeline photos that only have derivatives. */
export type LightboxPhoto = { display: string; original?: string; stage: string; alt: string };

const ZOOM = { minScale: 1, maxScale: 8, step: 0.5 } as const;

/**
 * Opens over the whole page and traps focus until closed; Esc, the close button or a click on
 * the backdrop closes it and focus returns to whatever opened it.
 * @example new Lightbox(photos, 2).open()
 */
export class Lightbox {
  private readonly root: HTMLDivElement;
  private readonly img: HTMLImageElement;
  private readonly counter: HTMLParagraphElement;
  private readonly original: HTMLAnchorElement;
  // Panzoom measures its element, so it starts only once the viewer is in the page.
  private panzoom!: PanzoomObject;
  private readonly opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;

  constructor(
    private readonly photos: readonly LightboxPhoto[],
    private index: number,
    private readonly onClosed: () => void = () => {},
  ) {
    this.img = h('img', { class: 'xc-lightbox-img', attrs: { draggable: 'false' } });
    const stage = h('div', { class: 'xc-lightbox-stage' }, [this.img]);
    this.counter = h('p', { class: 'xc-lightbox-counter', attrs: { 'aria-live': 'polite' } });
    this.original = h('a', { class: 'xc-button', text: t('drawer.lightbox.original'), attrs: { target: '_blank', rel: 'noopener' } });
    const several = photos.length > 1;
    const bar = h('div', { class: 'xc-lightbox-bar' }, [
      this.counter,
      ...(several ? [this.button('drawer.lightbox.prev', '‹', () => this.show(this.index - 1))] : []),
      ...(several ? [this.button('drawer.lightbox.next', '›', () => this.show(this.index + 1))] : []),
      this.button('drawer.lightbox.zoomOut', '−', () => this.panzoom.zoomOut()),
      this.button('drawer.lightbox.zoomIn', '+', () => this.panzoom.zoomIn()),
      this.button('drawer.lightbox.reset', '1:1', () => this.panzoom.reset()),
      this.original,
      this.button('drawer.lightbox.close', '✕', () => this.close()),
    ]);
    this.root = h('div', { class: 'xc-lightbox', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': t('drawer.lightbox.label') } }, [
      stage,
      bar,
      h('p', { class: 'xc-lightbox-hint', text: t('drawer.lightbox.hint') }),
    ]);
    stage.addEventListener('wheel', (e) => this.panzoom.zoomWithWheel(e));
    stage.addEventListener('click', (e) => {
      if (e.target === stage && this.panzoom.getScale() <= 1) this.close();
    });
    this.root.addEventListener('keydown', (e) => this.onKey(e));
  }

  open(): void {
    document.body.append(this.root);
    this.panzoom = Panzoom(this.img, { ...ZOOM, cursor: 'grab', panOnlyWhenZoomed: true });
    this.show(this.index);
    this.root.querySelector<HTMLButtonElement>('[data-key="drawer.lightbox.close"]')?.focus();
  }

  close(): void {
    this.panzoom.destroy();
    this.root.remove();
    this.opener?.focus();
    this.onClosed();
  }

  private show(i: number): void {
    const n = this.photos.length;
    this.index = ((i % n) + n) % n;
    const photo = this.photos[this.index]!;
    this.panzoom.reset({ animate: false });
    this.img.src = photo.display;
    this.img.alt = photo.alt;
    this.counter.textContent = t('drawer.lightbox.counter', { stage: photo.stage, n: this.index + 1, total: n });
    this.original.hidden = !photo.original;
    if (photo.original) this.original.href = photo.original;
  }

  private button(key: MessageKey, glyph: string, onClick: () => void): HTMLButtonElement {
    const b = h('button', { class: 'xc-button xc-lightbox-button', text: glyph, attrs: { type: 'button', 'aria-label': t(key), title: t(key), 'data-key': key } });
    b.addEventListener('click', onClick);
    return b;
  }

  private onKey(e: KeyboardEvent): void {
    const actions: Record<string, () => void> = {
      Escape: () => this.close(),
      ArrowLeft: () => this.show(this.index - 1),
      ArrowRight: () => this.show(this.index + 1),
      '+': () => this.panzoom.zoomIn(),
      '=': () => this.panzoom.zoomIn(),
      '-': () => this.panzoom.zoomOut(),
      '0': () => this.panzoom.reset(),
    };
    const act = actions[e.key];
    if (act) {
      e.preventDefault();
      // The drawer behind listens for Esc too; this one is the viewer's alone.
      e.stopPropagation();
      act();
    } else if (e.key === 'Tab') {
      this.trapFocus(e);
    }
  }

  /** Keeps Tab inside the viewer while it is open (it is modal). */
  private trapFocus(e: KeyboardEvent): void {
    const items = [...this.root.querySelectorAll<HTMLElement>('button, a[href]:not([hidden])')];
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  }
}
