// The totals as cards: counts, rates with their numerator and denominator, and times to close.
import { h } from '../../dom';
import { getLanguage, t } from '../../i18n/i18n';
import { formatCount, formatHours, formatPercent } from './format';
import type { Indicators } from './stats-api';

type CountKey = 'received' | 'registered' | 'dispatched' | 'due' | 'closed' | 'closed_on_time' | 'overdue';
type RateKey = 'registration_rate' | 'closure_rate' | 'on_time_rate' | 'rework_rate';
type HoursKey = 'median_hours_to_close' | 'p90_hours_to_close';
type Card = { key: CountKey } | { key: RateKey; of: [keyof Indicators, keyof Indicators] } | { key: HoursKey; hours: true };

/** In reading order: the closed loop from intake to closure, then quality and speed. */
const CARDS: readonly Card[] = [
  { key: 'received' },
  { key: 'registered' },
  { key: 'registration_rate', of: ['registered', 'received'] },
  { key: 'dispatched' },
  { key: 'due' },
  { key: 'closed' },
  { key: 'closure_rate', of: ['closed', 'due'] },
  { key: 'closed_on_time' },
  { key: 'on_time_rate', of: ['closed_on_time', 'due'] },
  { key: 'overdue' },
  { key: 'rework_rate', of: ['reworked', 'closed'] },
  { key: 'median_hours_to_close', hours: true },
  { key: 'p90_hours_to_close', hours: true },
];

export class KpiCards {
  readonly element: HTMLElement;
  private readonly heading = h('h2', { class: 'xc-dash-heading' });
  private readonly list = h('ul', { class: 'xc-dash-kpis' });

  constructor() {
    this.element = h('section', { class: 'xc-dash-section xc-dash-kpi-section' }, [this.heading, this.list]);
  }

  render(totals: Indicators): void {
    const lang = getLanguage();
    this.heading.textContent = t('dashboard.kpi.heading');
    this.list.replaceChildren(
      ...CARDS.map((card) => {
        const raw = totals[card.key];
        let value: string;
        let detail = '';
        if ('of' in card) {
          value = formatPercent(raw, lang);
          detail = `${formatCount(totals[card.of[0]] ?? 0, lang)} / ${formatCount(totals[card.of[1]] ?? 0, lang)}`;
        } else if ('hours' in card) {
          value = formatHours(raw, lang);
        } else {
          value = formatCount(raw ?? 0, lang);
        }
        const emphasis = card.key === 'on_time_rate' || card.key === 'overdue' ? ' xc-dash-kpi-key' : '';
        return h('li', { class: `xc-dash-kpi${emphasis}`, attrs: { 'data-kpi': card.key } }, [
          h('span', { class: 'xc-dash-kpi-label', text: t(`dashboard.kpi.${card.key}`) }),
          h('span', { class: 'xc-dash-kpi-value', text: value }),
          ...(detail ? [h('span', { class: 'xc-dash-kpi-detail', text: detail })] : []),
        ]);
      }),
    );
  }
}
