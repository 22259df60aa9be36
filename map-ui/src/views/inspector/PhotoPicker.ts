// Photos from the camera or the gallery (several at once), shown as thumbnails that can be removed.
import { h, uniqueId } from '../../dom';
import type { Labels } from './labels';

export class PhotoPicker {
  readonly element: HTMLElement;
  private files: File[] = [];
  private readonly thumbs = h('ul', { class: 'xc-insp-thumbs' });
  private readonly urls = new Map<File, string>();

  constructor(
    private readonly labels: Labels,
    /** Called after every change, with the photos now picked. */
    private readonly onChange: (files: readonly File[]) => void,
    /** The camera button's testid prefix, so two pickers on one page differ. */
    name = 'photos',
  ) {
    const camera = this.input(name, 'inspector.photo.camera', true);
    const gallery = this.input(name, 'inspector.photo.gallery', false);
    this.element = h('div', { class: 'xc-insp-photos' }, [h('div', { class: 'xc-insp-photo-buttons' }, [camera, gallery]), this.thumbs]);
  }

  get photos(): readonly File[] {
    return this.files;
  }

  clear(): void {
    this.files = [];
    this.render();
  }

  destroy(): void {
    for (const url of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
  }

  // A label around a hidden file input: one tap opens the camera or the gallery, and tests can set files on it.
  private input(name: string, key: 'inspector.photo.camera' | 'inspector.photo.gallery', camera: boolean): HTMLLabelElement {
    const input = h('input', {
      class: 'xc-visually-hidden',
      attrs: { type: 'file', accept: 'image/*', id: uniqueId('photo'), 'data-testid': `${name}-${camera ? 'camera' : 'gallery'}` },
    });
    if (camera) input.setAttribute('capture', 'environment');
    else input.multiple = true;
    input.addEventListener('change', () => {
      this.files = [...this.files, ...Array.from(input.files ?? [])];
      input.value = '';
      this.render();
    });
    return h('label', { class: `xc-button xc-insp-photo-button${camera ? ' xc-button-primary' : ''}` }, [input, this.labels.text(key)]);
  }

  private render(): void {
    const keep = new Set(this.files);
    for (const [file, url] of this.urls) {
      if (keep.has(file)) continue;
      URL.revokeObjectURL(url);
      this.urls.delete(file);
    }
    this.thumbs.replaceChildren(
      ...this.files.map((file, i) => {
        let url = this.urls.get(file);
        if (!url) {
          url = URL.createObjectURL(file);
          this.urls.set(file, url);
        }
        const remove = h('button', { class: 'xc-insp-thumb-remove', text: '✕', attrs: { type: 'button' } });
        this.labels.attr(remove, 'aria-label', 'inspector.photo.remove', { n: i + 1 });
        remove.addEventListener('click', () => {
          this.files = this.files.filter((f) => f !== file);
          this.render();
        });
        return h('li', { class: 'xc-insp-thumb' }, [h('img', { attrs: { src: url, alt: '' } }), remove]);
      }),
    );
    this.onChange(this.files);
  }
}
