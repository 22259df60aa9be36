// 上报问题: photos, where, what (河道 / 消防, with icons), how serious, a description; possible
// duplicates first ("是这个问题吗?"); then the report goes through the outbox with a progress bar.
import type { Me, UiConfig } from '../../api-types';
import { h, uniqueId } from '../../dom';
import type { MessageKey } from '../../i18n/i18n';
import { currentFix } from '../../report/geolocation';
import type { Outbox, OutboxItem } from '../../report/outbox';
import { gpsOfPhotos } from '../../report/photo-gps';
import { reportApi } from '../../report/report-api';
import type { CategoryTree, NearbyCase, Severity } from '../../report/report-types';
import { iconOf, nameOf, statusText } from './case-text';
import { errorText } from './case-text';
import { Labels } from './labels';
import { LocationPicker, type Pin } from './LocationPicker';
import { PhotoPicker } from './PhotoPicker';
import { ApiError } from '../../api';

export type ReportOutcome = { state: 'sent'; code: string; added: boolean } | { state: 'queued' };

export type ReportFormOptions = {
  categories: Promise<CategoryTree | null>;
  outbox: Outbox;
  me: Me;
  config: UiConfig | null;
  onDone: (outcome: ReportOutcome) => void;
};

const SEVERITIES: Severity[] = ['general', 'serious', 'major'];

export class ReportForm {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly photos: PhotoPicker;
  private readonly location: LocationPicker;
  private readonly locationStatus = h('p', { class: 'xc-insp-hint', attrs: { 'data-testid': 'location-status' } });
  private readonly categoryBox = h('div', { class: 'xc-insp-categories' });
  private readonly description = h('textarea', { class: 'xc-input xc-insp-textarea', attrs: { rows: '3', maxlength: '2000' } });
  private readonly duplicates = h('section', { class: 'xc-insp-duplicates', attrs: { 'aria-live': 'polite', hidden: '' } });
  private readonly progress = h('progress', { class: 'xc-insp-progress', attrs: { max: '100', value: '0', hidden: '' } });
  private readonly progressText = h('span', { class: 'xc-insp-progress-text' });
  private readonly error = h('p', { class: 'xc-insp-error', attrs: { role: 'alert' } });
  private readonly submit = h('button', { class: 'xc-button xc-button-primary xc-insp-submit', attrs: { type: 'submit' } });
  private category = '';
  private severity: Severity = 'general';
  private tree: CategoryTree | null = null;
  private nearbyAbort: AbortController | null = null;
  private stopProgress: () => void = () => undefined;
  private busy = false;
  private mounted = true;

  constructor(private readonly options: ReportFormOptions) {
    const L = this.labels;
    this.photos = new PhotoPicker(L, (files) => void this.photosChanged(files));
    this.location = new LocationPicker(options.config, (pin) => this.pinChanged(pin));
    const descriptionId = uniqueId('description');
    this.description.id = descriptionId;
    L.attr(this.description, 'placeholder', 'inspector.descriptionHint');
    this.submit.append(L.text('inspector.submit'));
    const severity = this.severityPicker();
    const form = h('form', { class: 'xc-insp-form', attrs: { novalidate: '' } }, [
      h('h1', { class: 'xc-insp-title' }, [L.text('inspector.report')]),
      this.section('inspector.photos', this.photos.element),
      this.section('inspector.location', h('div', {}, [this.locationStatus, this.location.element])),
      this.section('inspector.category', this.categoryBox),
      this.section('inspector.severity', severity),
      h('section', { class: 'xc-insp-section' }, [
        h('label', { class: 'xc-insp-label', attrs: { for: descriptionId } }, [L.text('inspector.description')]),
        this.description,
      ]),
      this.duplicates,
      this.error,
      h('div', { class: 'xc-insp-progress-row' }, [this.progress, this.progressText]),
      this.submit,
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send(null);
    });
    this.element = form;
    this.locationStatus.replaceChildren(L.text('inspector.locating'));
    void this.showCategories();
    // Mount the map after the form is in the page; then ask the phone where it is.
    queueMicrotask(() => {
      if (!this.mounted) return;
      this.location.mount();
      void this.locate();
    });
  }

  destroy(): void {
    this.mounted = false;
    this.nearbyAbort?.abort();
    this.stopProgress();
    this.location.destroy();
    this.photos.destroy();
    this.labels.destroy();
  }

  private section(title: MessageKey, body: HTMLElement): HTMLElement {
    return h('fieldset', { class: 'xc-insp-section' }, [h('legend', { class: 'xc-insp-label' }, [this.labels.text(title)]), body]);
  }

  private severityPicker(): HTMLElement {
    const name = uniqueId('severity');
    return h(
      'div',
      { class: 'xc-insp-segments' },
      SEVERITIES.map((code) => {
        const input = h('input', { attrs: { type: 'radio', name, value: code } });
        input.checked = code === this.severity;
        input.addEventListener('change', () => (this.severity = code));
        return h('label', { class: 'xc-insp-segment' }, [input, h('span', {}, [this.labels.text(`inspector.severity.${code}`)])]);
      }),
    );
  }

  private async showCategories(): Promise<void> {
    this.tree = await this.options.categories;
    if (!this.mounted) return;
    if (!this.tree) {
      this.categoryBox.replaceChildren(h('p', { class: 'xc-insp-error' }, [this.labels.text('inspector.categoriesFailed')]));
      return;
    }
    const name = uniqueId('category');
    this.categoryBox.replaceChildren(
      ...this.tree.groups.map((group) =>
        h('div', { class: 'xc-insp-category-group', attrs: { 'data-domain': group.domain } }, [
          h('h2', { class: 'xc-insp-group-title', text: nameOf(group) }),
          h(
            'div',
            { class: 'xc-insp-tiles' },
            group.categories.map((c) => {
              const input = h('input', { class: 'xc-visually-hidden', attrs: { type: 'radio', name, value: c.code } });
              input.addEventListener('change', () => this.categoryChanged(c.code, c.default_severity));
              const label = h('span', { class: 'xc-insp-tile-name' });
              this.labels.track(() => (label.textContent = nameOf(c)));
              return h('label', { class: 'xc-insp-tile' }, [
                input,
                h('span', { class: 'xc-insp-tile-icon', text: iconOf(c.icon), attrs: { 'aria-hidden': 'true' } }),
                label,
              ]);
            }),
          ),
        ]),
      ),
    );
  }

  private categoryChanged(code: string, defaultSeverity: Severity): void {
    this.category = code;
    this.severity = defaultSeverity;
    for (const input of this.element.querySelectorAll<HTMLInputElement>('.xc-insp-segment input')) input.checked = input.value === defaultSeverity;
    void this.lookForDuplicates();
  }

  private async photosChanged(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const fix = await gpsOfPhotos(files).catch(() => null);
    if (fix && this.mounted) this.location.place({ ...fix, source: 'exif' });
  }

  private async locate(): Promise<void> {
    const fix = await currentFix();
    if (!this.mounted) return;
    if (fix) this.location.place({ ...fix, source: 'device' });
    else if (!this.location.pin) this.locationStatus.replaceChildren(this.labels.text('inspector.locationUnknown'));
  }

  private pinChanged(pin: Pin): void {
    const accuracy = pin.accuracyM ? Math.round(pin.accuracyM) : 0;
    const key: MessageKey = pin.source === 'exif' ? 'inspector.location.exif' : pin.source === 'manual' ? 'inspector.location.manual' : 'inspector.location.device';
    this.locationStatus.replaceChildren(this.labels.text(key, { accuracy }));
    this.locationStatus.dataset.source = pin.source;
    void this.lookForDuplicates();
  }

  /** "是这个问题吗?": open cases of the category near the pin, each with "add my photos to it". */
  private async lookForDuplicates(): Promise<void> {
    const pin = this.location.pin;
    this.nearbyAbort?.abort();
    if (!pin || !this.category || !navigator.onLine) return this.duplicates.setAttribute('hidden', '');
    const abort = new AbortController();
    this.nearbyAbort = abort;
    let cases: NearbyCase[];
    try {
      cases = (await reportApi.nearby(pin, this.category, abort.signal)).cases;
    } catch {
      return; // Aborted, or offline: duplicates are a help, never a reason to stop a report.
    }
    if (abort.signal.aborted || !this.mounted) return;
    if (cases.length === 0) return this.duplicates.setAttribute('hidden', '');
    this.duplicates.removeAttribute('hidden');
    this.duplicates.replaceChildren(
      h('h2', { class: 'xc-insp-label' }, [this.labels.text('inspector.duplicates')]),
      h('p', { class: 'xc-insp-hint' }, [this.labels.text('inspector.duplicatesHint')]),
      h(
        'ul',
        { class: 'xc-insp-list' },
        cases.map((c) => {
          const add = h('button', { class: 'xc-button xc-insp-add', attrs: { type: 'button', 'data-code': c.code } }, [this.labels.text('inspector.addToThis')]);
          add.addEventListener('click', () => void this.send(c));
          return h('li', { class: 'xc-insp-card' }, [
            h('div', { class: 'xc-insp-card-head' }, [
              h('strong', { text: c.code }),
              h('span', { class: 'xc-insp-chip', text: statusText(c.status) }),
            ]),
            h('p', { class: 'xc-insp-card-text', text: c.description || '—' }),
            h('p', { class: 'xc-insp-hint' }, [this.labels.text('inspector.distance', { m: Math.round(c.distance_m) })]),
            add,
          ]);
        }),
      ),
    );
  }

  private check(addTo: NearbyCase | null): MessageKey | null {
    if (this.photos.photos.length === 0) return 'inspector.error.photo_required';
    if (addTo) return null;
    if (!this.category) return 'inspector.error.category_required';
    if (!this.location.pin) return 'inspector.error.location_required';
    return null;
  }

  /** Queues the report (or the photos for `addTo`) and sends it; a failed send stays queued. */
  private async send(addTo: NearbyCase | null): Promise<void> {
    if (this.busy) return;
    const problem = this.check(addTo);
    if (problem) {
      this.error.replaceChildren(this.labels.text(problem));
      return;
    }
    this.error.textContent = '';
    const item = this.outboxItem(addTo);
    this.setBusy(true, item.key);
    const after = await this.options.outbox.submit(item);
    this.setBusy(false, item.key);
    if (!this.mounted) return;
    if (after.state === 'sent' && after.result) {
      this.options.onDone({ state: 'sent', code: after.result.code, added: addTo !== null });
    } else if (after.state === 'failed') {
      // Refused (4xx): nothing was made. Show why, and let the user fix the form and send again.
      await this.options.outbox.remove(item.key);
      const e = after.error;
      this.error.textContent = e ? errorText(new ApiError(e.status, e.code, e.message)) : '';
    } else {
      this.options.onDone({ state: 'queued' });
    }
  }

  private outboxItem(addTo: NearbyCase | null): OutboxItem {
    const base = {
      key: crypto.randomUUID(),
      userId: this.options.me.id,
      photos: this.photos.photos.map((f) => ({ name: f.name || 'photo.jpg', blob: f as Blob })),
      createdAt: Date.now(),
      state: 'waiting' as const,
      attempts: 0,
      nextAttemptAt: 0,
    };
    const description = this.description.value.trim();
    if (addTo) return { ...base, kind: 'add_report', caseId: addTo.id, title: addTo.code, fields: { note: description } };
    const fields: Record<string, string> = { category: this.category, description, severity: this.severity };
    const pin = this.location.pin;
    // An EXIF pin is not sent: the server reads the same GPS from the photo itself.
    if (pin && pin.source !== 'exif') {
      Object.assign(fields, { lat: String(pin.lat), lon: String(pin.lon), location_source: pin.source === 'manual' ? 'manual' : 'device' });
      if (pin.accuracyM && pin.source === 'device') fields.accuracy = String(Math.round(pin.accuracyM));
    }
    const c = this.tree?.groups.flatMap((g) => g.categories).find((x) => x.code === this.category);
    return { ...base, kind: 'case', title: c?.name_zh ?? this.category, titleEn: c?.name_en, fields };
  }

  private setBusy(busy: boolean, key: string): void {
    this.busy = busy;
    this.submit.disabled = busy;
    this.submit.setAttribute('aria-busy', String(busy));
    for (const b of this.element.querySelectorAll<HTMLButtonElement>('.xc-insp-add')) b.disabled = busy;
    this.stopProgress();
    if (!busy) {
      this.progress.setAttribute('hidden', '');
      this.progressText.textContent = '';
      return;
    }
    this.progress.removeAttribute('hidden');
    const show = () => {
      const fraction = this.options.outbox.progressOf(key) ?? 0;
      const pct = Math.round(fraction * 100);
      this.progress.value = pct;
      this.progressText.textContent = `${pct}%`;
    };
    show();
    this.stopProgress = this.options.outbox.subscribe(show);
  }
}
