// Numbers on the dashboard in the reader's language: counts with separators, rates as percents with one decimal, hours.
import type { Language } from '../../i18n/languages';

/** Shown for a rate or duration that has no value (a denominator of 0). */
export const NO_VALUE = '—';

export function formatCount(n: number, lang: Language): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** @example formatPercent(0.3333, 'zh-CN') === '33.3%' */
export function formatPercent(rate: number | null, lang: Language): string {
  if (rate === null) return NO_VALUE;
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate);
}

/** @example formatHours(27.25, 'zh-CN') === '27.3小时' */
export function formatHours(hours: number | null, lang: Language): string {
  if (hours === null) return NO_VALUE;
  return new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(hours);
}
