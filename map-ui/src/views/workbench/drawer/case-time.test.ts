// Deadline arithmetic and the datetime-local round trip.
import { describe, expect, it } from 'vitest';
import { formatDateTime, fromLocalInput, timeLeft, toLocalInput } from './case-time';

describe('timeLeft', () => {
  const now = new Date('2026-11-20T09:30:00Z');

  it('splits the time before a deadline into days, hours and minutes', () => {
    expect(timeLeft(new Date('2026-11-22T12:00:00Z'), now)).toEqual({ over: false, days: 2, hours: 2, minutes: 30 });
  });

  it('says how long ago a passed deadline was', () => {
    expect(timeLeft(new Date('2026-11-20T04:15:00Z'), now)).toEqual({ over: true, days: 0, hours: 5, minutes: 15 });
  });

  it('rounds down to whole minutes', () => {
    expect(timeLeft(new Date('2026-11-20T09:30:59Z'), now)).toEqual({ over: false, days: 0, hours: 0, minutes: 0 });
  });
});

describe('datetime-local values', () => {
  it('round-trip an instant through the local form value', () => {
    const iso = '2026-11-25T10:00:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(formatDateTime(iso)).toMatch(/^2026-11-2\d \d{2}:00$/);
  });

  it('refuse what is not a date', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    expect(fromLocalInput('2026-13-45T99:99')).toBeNull();
  });
});
