// Reconnection backs off, stays bounded, and resumes from the last event seen.
import { describe, expect, it } from 'vitest';
import { reconnectDelay, resumeUrl } from './reconnect';

describe('reconnectDelay', () => {
  it('doubles from one second up to the cap, with jitter of at most a fifth', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 10].map((a) => reconnectDelay(a, mid))).toEqual([1000, 2000, 4000, 8000, 30_000]);
    expect(reconnectDelay(0, () => 0)).toBe(800);
    expect(reconnectDelay(0, () => 1)).toBe(1200);
    expect(reconnectDelay(-3, mid)).toBe(1000);
  });
});

describe('resumeUrl', () => {
  it('adds the last event id as a query parameter, only when it is one', () => {
    expect(resumeUrl('/api/events/stream', null)).toBe('/api/events/stream');
    expect(resumeUrl('/api/events/stream', '1042')).toBe('/api/events/stream?last_event_id=1042');
    expect(resumeUrl('/api/events/stream?x=1', '7')).toBe('/api/events/stream?x=1&last_event_id=7');
    expect(resumeUrl('/api/events/stream', 'abc')).toBe('/api/events/stream');
  });
});
