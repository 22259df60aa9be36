// Picks the period: this month, the last 30 days, this year, or a custom first and last day.
import { h, uniqueId } from '../../dom';
import { t } from '../../i18n/i18n';
import { PERIOD_KINDS, periodRange, type Period, type PeriodKind, type PeriodRange } from './period';

export type PeriodPickerOptions = {
  initial: Period;
  /** Told each valid new choice with its dates. */
  onChange: (period: Period, range: PeriodRange) => void;
  now: () => Date;
};

export class PeriodPicker {
  readonly element: HTMLElement;
  private period: Period;
  private readonly title = h('legend', { class: 'xc-dash-period-title' });
  private readonly buttons = new Map<PeriodKind, HTMLButtonElement>();
  private readonly custom: HTMLFormElement;
  private readonly firstLabel = h('span');
  private readonly lastLabel = h('span');
  private readonly first = h('input', { class: 'xc-input', attrs: { type: 'date', name: 'first', required: '' } });
  private readonly last = h('input', { class: 'xc-input', attrs: { type: 'date', name: 'last', required: '' } });
  private readonly apply = h('button', { class: 'xc-button xc-button-primary', attrs: { type: 'submit' } });
  private readonly error = h('p', { class: 'xc-dash-period-error', attrs: { role: 'alert' } });
  private readonly rangeText = h('p', { class: 'xc-dash-period-range', attrs: { 'aria-live': 'polite' } });
  private invalid = false;

  constructor(private readonly options: PeriodPickerOptions) {
    this.period = options.initial;
    const group = h('div', { class: 'xc-dash-period-options' });
    for (const kind of PERIOD_KINDS) {
      const button = h('button', { class: 'xc-dash-period-option', attrs: { type: 'button', 'data-period': kind } });
      button.addEventListener('click', () => this.choose(kind));
      this.buttons.set(kind, button);
      group.append(button);
    }
    const firstId = uniqueId('xc-period-first');
    const lastId = uniqueId('xc-period-last');
    this.first.id = firstId;
    this.last.id = lastId;
    this.custom = h('form', { class: 'xc-dash-period-custom', attrs: { novalidate: '' } }, [
      h('label', { class: 'xc-dash-period-field', attrs: { for: firstId } }, [this.firstLabel]),
      this.first,
      h('label', { class: 'xc-dash-period-field', attrs: { for: lastId } }, [this.lastLabel]),
      this.last,
      this.apply,
    ]);
    this.custom.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submitCustom();
    });
    this.element = h('fieldset', { class: 'xc-dash-period' }, [this.title, group, this.custom, this.rangeText, this.error]);
    this.render();
  }

  /** The current choice's dates (the view asks once at start). */
  range(): PeriodRange {
    return periodRange(this.period, this.options.now()) ?? periodRange({ kind: 'month' }, this.options.now())!;
  }

  render(): void {
    this.title.textContent = t('dashboard.period.label');
    for (const [kind, button] of this.buttons) {
      button.textContent = t(`dashboard.period.${kind}`);
      button.setAttribute('aria-pressed', String(kind === this.period.kind));
    }
    this.custom.hidden = this.period.kind !== 'custom';
    this.firstLabel.textContent = t('dashboard.period.first');
    this.lastLabel.textContent = t('dashboard.period.last');
    this.apply.textContent = t('dashboard.period.apply');
    this.error.textContent = this.invalid ? t('dashboard.period.invalid') : '';
    this.first.setAttribute('aria-invalid', String(this.invalid));
    this.last.setAttribute('aria-invalid', String(this.invalid));
    const r = this.range();
    this.rangeText.textContent = t('dashboard.period.range', { first: r.from, last: r.last });
  }

  private choose(kind: PeriodKind): void {
    this.invalid = false;
    if (kind === 'custom') {
      // Start the custom fields from the dates on show, so a small change is a small edit.
      const r = this.range();
      if (!this.first.value) this.first.value = r.from;
      if (!this.last.value) this.last.value = r.last;
      this.period = { kind, first: this.first.value, last: this.last.value };
      this.render();
      this.first.focus();
      return;
    }
    this.period = { kind };
    this.render();
    this.options.onChange(this.period, this.range());
  }

  private submitCustom(): void {
    const period: Period = { kind: 'custom', first: this.first.value, last: this.last.value };
    const r = periodRange(period, this.options.now());
    this.invalid = r === null;
    if (r) this.period = period;
    this.render();
    if (r) this.options.onChange(period, r);
  }
}
