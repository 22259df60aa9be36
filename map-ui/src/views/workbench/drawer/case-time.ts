// Deadlines as people read them: time left or overdue, and the local date-time a form field shows.

/** How far `due` is from `now`, split for display; `over` when the deadline has passed. */
export type TimeLeft = { over: boolean; days: number; hours: number; minutes: number };

/**
 * The distance between now and a deadline, rounded down to whole minutes.
 * @example timeLeft(new Date('2026-11-22T12:00:00Z'), new Date('2026-11-20T09:30:00Z')) // { over: false, days: 2, hours: 2, minutes: 30 }
 */
export function timeLeft(due: Date, now: Date): TimeLeft {
  const ms = due.getTime() - now.getTime();
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { over: ms < 0, days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The value of an <input type="datetime-local"> for an instant, in the browser's time zone.
 * @example toLocalInput('2026-11-25T10:00:00.000Z') // '2026-11-25T18:00' in Asia/Shanghai
 */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a datetime-local value means in the browser's time zone, as ISO 8601; null when it is not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A short local date and time for the timeline and deadlines: 2026-11-25 18:00. */
export function formatDateTime(iso: string): string {
  return toLocalInput(iso).replace('T', ' ');
}
