// Checking a fix on site: the before and after photos, my photo, passed or failed (with what is still
// wrong), and where I am — the server accepts a recheck only near the case.
import { h, uniqueId } from '../../dom';
import type { MessageKey } from '../../i18n/i18n';
import { currentFix } from '../../report/geolocation';
import { reportApi } from '../../report/report-api';
import type { CaseAnswer, CaseSummary, Fix } from '../../report/report-types';
import { errorText } from './case-text';
import { Labels } from './labels';
import { PhotoPicker } from './PhotoPicker';

export class RecheckForm {
  readonly element: HTMLElement;
  private readonly labels = new Labels();
  private readonly photos: PhotoPicker;
  private readonly before = h('ul', { class: 'xc-insp-thumbs' });
  private readonly reason = h('textarea', { class: 'xc-input xc-insp-textarea', attrs: { rows: '2', maxlength: '2000' } });
  private readonly error = h('p', { class: 'xc-insp-error', attrs: { role: 'alert' } });
  private readonly progress = h('progress', { class: 'xc-insp-progress', attrs: { max: '100', value: '0', hidden: '' } });
  private readonly submit = h('button', { class: 'xc-button xc-button-primary xc-insp-submit', attrs: { type: 'submit' } });
  private passed: boolean | null = null;
  private detail: CaseAnswer | null = null;
  private fix: Promise<Fix | null>;
  private mounted = true;

  constructor(
    private readonly c: CaseSummary,
    private readonly onDone: (result: { passed: boolean }) => void,
  ) {
    const L = this.labels;
    this.photos = new PhotoPicker(L, () => undefined, 'recheck-photos');
    const reasonId = uniqueId('reason');
    this.reason.id = reasonId;
    const choice = uniqueId('verdict');
    const verdict = (passed: boolean, key: MessageKey) => {
      const input = h('input', { attrs: { type: 'radio', name: choice, value: passed ? 'pass' : 'fail' } });
      input.addEventListener('change', () => (this.passed = passed));
      return h('label', { class: `xc-insp-segment xc-insp-verdict-${passed ? 'pass' : 'fail'}` }, [input, h('span', {}, [L.text(key)])]);
    };
    this.submit.append(L.text('inspector.recheckSubmit'));
    const form = h('form', { class: 'xc-insp-recheck', attrs: { novalidate: '', 'data-code': c.code } }, [
      h('p', { class: 'xc-insp-label' }, [L.text('inspector.recheckPhotosSoFar')]),
      this.before,
      h('fieldset', { class: 'xc-insp-section' }, [h('legend', { class: 'xc-insp-label' }, [L.text('inspector.recheckPhoto')]), this.photos.element]),
      h('fieldset', { class: 'xc-insp-section' }, [
        h('legend', { class: 'xc-insp-label' }, [L.text('inspector.recheckResult')]),
        h('div', { class: 'xc-insp-segments' }, [verdict(true, 'inspector.pass'), verdict(false, 'inspector.fail')]),
      ]),
      h('label', { class: 'xc-insp-label', attrs: { for: reasonId } }, [L.text('inspector.recheckReason')]),
      this.reason,
      this.error,
      this.progress,
      this.submit,
    ]);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send();
    });
    this.element = form;
    // Ask for the position at once: by the time the photo is taken, the fix is there.
    this.fix = currentFix();
    void this.loadPhotos();
  }

  destroy(): void {
    this.mounted = false;
    this.photos.destroy();
    this.labels.destroy();
    this.element.remove();
  }

  private async loadPhotos(): Promise<void> {
    try {
      this.detail = await reportApi.getCase(this.c.id);
    } catch (err) {
      this.error.textContent = errorText(err);
      return;
    }
    if (!this.mounted) return;
    this.before.replaceChildren(
      ...this.detail.photos.map((p) =>
        h('li', { class: 'xc-insp-thumb', attrs: { 'data-stage': p.stage } }, [
          h('img', { attrs: { src: p.urls.thumb, alt: '', loading: 'lazy' } }),
          h('span', { class: 'xc-insp-thumb-stage' }, [this.labels.text(p.stage === 'after' ? 'inspector.stage.after' : 'inspector.stage.before')]),
        ]),
      ),
    );
  }

  private async send(): Promise<void> {
    const reason = this.reason.value.trim();
    const problem: MessageKey | null =
      this.photos.photos.length === 0 ? 'inspector.error.photo_required'
      : this.passed === null ? 'inspector.error.verdict_required'
      : !this.passed && !reason ? 'inspector.error.reason_required'
      : null;
    if (problem) return void this.error.replaceChildren(this.labels.text(problem));
    this.error.textContent = '';
    this.submit.disabled = true;
    this.progress.removeAttribute('hidden');
    try {
      const detail = this.detail ?? (await reportApi.getCase(this.c.id));
      await reportApi.recheck(
        detail,
        { passed: this.passed!, reason, photos: [...this.photos.photos], fix: await this.fix },
        (p) => (this.progress.value = Math.round((p.fraction ?? 0) * 100)),
      );
      this.onDone({ passed: this.passed! });
    } catch (err) {
      this.error.textContent = errorText(err);
      this.submit.disabled = false;
      this.progress.setAttribute('hidden', '');
    }
  }
}
