import { describe, expect, it } from 'vitest';
import { FAILURE_MEMORY_MS, nextFailureCount, retryAfterMs } from './login-throttle';

const lastAt = new Date('2026-11-22T08:00:00Z');
const at = (ms: number) => new Date(lastAt.getTime() + ms);

describe('login throttle', () => {
  it('lets the free failures through without waiting', () => {
    expect(retryAfterMs(undefined, lastAt, 5)).toBe(0);
    expect(retryAfterMs({ failures: 4, lastAt }, lastAt, 5)).toBe(0);
  });

  it('doubles the wait with each failure past the free ones', () => {
    expect(retryAfterMs({ failures: 5, lastAt }, lastAt, 5)).toBe(2000);
    expect(retryAfterMs({ failures: 6, lastAt }, lastAt, 5)).toBe(4000);
    expect(retryAfterMs({ failures: 7, lastAt }, at(1000), 5)).toBe(7000);
    expect(retryAfterMs({ failures: 40, lastAt }, lastAt, 5)).toBe(15 * 60 * 1000);
  });

  it('forgets failures after the memory window', () => {
    expect(retryAfterMs({ failures: 40, lastAt }, at(FAILURE_MEMORY_MS), 5)).toBe(0);
    expect(nextFailureCount({ failures: 40, lastAt }, at(FAILURE_MEMORY_MS))).toBe(1);
    expect(nextFailureCount({ failures: 3, lastAt }, at(1000))).toBe(4);
    expect(nextFailureCount(undefined, lastAt)).toBe(1);
  });
});
