// zh-CN first: percents with one decimal, hours with their unit, a dash where there is no value.
import { describe, expect, it } from 'vitest';
import { NO_VALUE, formatCount, formatHours, formatPercent } from './format';

describe('dashboard number formats', () => {
  it('formats rates as percents with one decimal', () => {
    expect(formatPercent(1 / 3, 'zh-CN')).toBe('33.3%');
    expect(formatPercent(1, 'zh-CN')).toBe('100.0%');
    expect(formatPercent(0, 'en')).toBe('0.0%');
    expect(formatPercent(null, 'zh-CN')).toBe(NO_VALUE);
  });

  it('formats hours with the unit of the language', () => {
    expect(formatHours(27.25, 'zh-CN')).toBe('27.3小时');
    expect(formatHours(360, 'en')).toBe('360 hr');
    expect(formatHours(null, 'en')).toBe(NO_VALUE);
  });

  it('groups thousands', () => {
    expect(formatCount(12345, 'zh-CN')).toBe('12,345');
  });
});
