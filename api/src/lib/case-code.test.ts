import { describe, expect, it } from 'vitest';
import { formatCaseCode } from './case-code';
import { localDate } from './zoned-time';

describe('case codes', () => {
  it('use the local day, not the UTC one', () => {
    // 23:30 UTC on the 21st is already the 22nd in Shanghai.
    expect(localDate(new Date('2026-11-21T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-22');
    expect(localDate(new Date('2026-11-21T23:30:00Z'), 'UTC')).toBe('2026-11-21');
  });

  it('pad the sequence to four digits and grow past 9999', () => {
    expect(formatCaseCode('2026-11-22', 7)).toBe('XC-20261122-0007');
    expect(formatCaseCode('2026-11-22', 12345)).toBe('XC-20261122-12345');
  });
});
