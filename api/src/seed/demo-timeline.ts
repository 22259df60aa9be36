// One case's life, step by step: submit, accept, dispatch, start, rectify, recheck (with rework
// loops) and close, or reject, or on-the-spot fixing, with supervision once a deadline passes.
// Each step happens when the person doing it plausibly would, and the walk stops at the case's fate.
import type { Role } from './demo-people';
import type { Random } from './demo-random';
import { NOTES, fixNote } from './demo-texts';
import { dueAt, workCalendar, type TimeLimit } from '../lib/time-limits';
import { DAY, daylight, HOUR, limitText, MINUTE, officeTime } from './demo-time';

export type Status = 'submitted' | 'registered' | 'dispatched' | 'in_progress' | 'rectified' | 'closed' | 'rejected' | 'merged';
export const STATUSES: readonly Status[] = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'];
export type HandlingMode = 'on_the_spot' | 'consultation' | 'joint';

export type EventSpec = {
  action: string;
  from: Status | null;
  to: Status;
  actor: string;
  role: Role;
  at: number;
  note: string | null;
  /** Turned into the event's JSON payload once ids are known. */
  detail: { unitCode?: string; dueAt?: number; handlingMode?: HandlingMode; rework?: number; overdueHours?: number; mergedIntoRef?: number };
};

/** Where a case has got to, and how it got there. */
export type Fate = {
  status: Status;
  path: 'normal' | 'on_the_spot' | 'reject';
  /** Recheck failures on the way. */
  reworks: number;
  pace: 'on_time' | 'late' | 'stuck';
  /** For a case still dispatched or in progress: whether its deadline has passed. */
  overdue?: boolean;
};

export type TimelineContext = {
  category: string;
  reporter: string;
  dispatcher: string;
  supervisors: readonly string[];
  handler: string | null;
  unitCode: string | null;
  unitName: string | null;
  limit: TimeLimit;
  handlingMode: HandlingMode;
  now: number;
};

export type Timeline = {
  events: EventSpec[];
  status: Status;
  handlingMode: HandlingMode | null;
  dispatchedAt: number | null;
  dueAt: number | null;
  closedAt: number | null;
  reworkCount: number;
};

/** Why a start did not fit: an earlier start may (its steps ran past now), or none can (it is overdue too soon). */
export type Misfit = 'try_earlier' | 'impossible';

/** Replays a case from `createdAt`, or says why that start does not fit the fate before `now`. */
export function simulate(fate: Fate, createdAt: number, c: TimelineContext, r: Random): Timeline | Misfit {
  const events: EventSpec[] = [];
  let status: Status = 'submitted';
  let t = createdAt;
  let handlingMode: HandlingMode | null = null;
  let dispatchedAt: number | null = null;
  let due: number | null = null;
  let closedAt: number | null = null;
  let rework = 0;

  const push = (action: string, to: Status, actor: string, role: Role, at: number, note: string | null, detail: EventSpec['detail'] = {}) => {
    // Strictly increasing times keep the timeline's order the same as the id order.
    t = events.length ? Math.max(at, t + MINUTE) : at;
    events.push({ action, from: events.length ? status : null, to, actor, role, at: t, note, detail });
    status = to;
  };
  const reached = () => status === fate.status && rework === fate.reworks;
  // 督办: once the deadline has passed, the street office (or a leader) chases the unit, every few days.
  const superviseUntil = (until: number) => {
    if (due === null || until <= due) return;
    let s = officeTime(Math.max(due, t) + r.range(1, 16) * HOUR, r);
    for (let n = 0; n < 3 && s < until - 10 * MINUTE; n++) {
      const byLeader = r.chance(0.3);
      push('supervise', status, byLeader ? r.pick(c.supervisors) : c.dispatcher, byLeader ? 'supervisor' : 'dispatcher', s,
        r.pick(NOTES.supervise), { overdueHours: Math.round((s - due) / HOUR) });
      s = officeTime(s + r.range(2, 4) * DAY, r);
    }
  };
  const finish = (): Timeline | Misfit => {
    if (t > c.now - MINUTE) return 'try_earlier';
    if ((status === 'dispatched' || status === 'in_progress') && fate.overdue !== undefined && due !== null && due < c.now !== fate.overdue) {
      // Starting earlier only moves the deadline further into the past.
      return fate.overdue ? 'try_earlier' : 'impossible';
    }
    if (status === 'dispatched' || status === 'in_progress') superviseUntil(c.now);
    return { events, status, handlingMode, dispatchedAt, dueAt: due, closedAt, reworkCount: rework };
  };

  push('submit', 'submitted', c.reporter, 'inspector', createdAt, null);
  if (reached()) return finish();

  if (fate.path === 'reject') {
    push('reject', 'rejected', c.dispatcher, 'dispatcher', officeTime(t + r.range(10, 300) * MINUTE, r), r.pick(NOTES.reject));
    return finish();
  }

  if (fate.path === 'on_the_spot') {
    // 马上办: the inspector fixes it there and then; the street office checks the after-photo and closes.
    handlingMode = 'on_the_spot';
    push('rectify', 'rectified', c.reporter, 'inspector', t + r.range(5, 40) * MINUTE, r.pick(NOTES.onTheSpot), { handlingMode });
    if (reached()) return finish();
    push('recheck_pass', 'closed', c.dispatcher, 'dispatcher', officeTime(t + r.range(10, 360) * MINUTE, r), r.pick(NOTES.recheckPass));
    closedAt = t;
    return finish();
  }

  if (!c.unitCode || !c.handler) throw new Error('a dispatched case needs a unit and its handler');
  handlingMode = c.handlingMode;
  push('accept', 'registered', c.dispatcher, 'dispatcher', officeTime(t + r.range(5, 180) * MINUTE, r), null, { handlingMode });
  if (reached()) return finish();

  // Joint action needs the agencies lined up first, so its dispatch takes longer.
  const dispatchDelay = handlingMode === 'joint' ? r.range(2, 30) * HOUR : r.range(3, 120) * MINUTE;
  push('dispatch', 'dispatched', c.dispatcher, 'dispatcher', officeTime(t + dispatchDelay, r),
    `派遣至${c.unitName}，限${limitText(c.limit)}内处置`);
  dispatchedAt = t;
  due = computeDue(t, c.limit);
  events[events.length - 1]!.detail = { unitCode: c.unitCode, dueAt: due };

  for (;;) {
    if (reached()) return finish();
    const span = due - dispatchedAt;
    const q = fate.pace === 'on_time' ? r.range(0.3, 0.95) : fate.pace === 'late' ? r.range(1.1, 2.5) : r.range(4, 12);
    const work = Math.min(q * span, fate.pace === 'on_time' ? span : span + (fate.pace === 'late' ? 5 : 20) * DAY);
    const startAt = daylight(dispatchedAt + Math.max(5 * MINUTE, r.range(0.03, 0.2) * Math.min(span, work)), r);
    superviseUntil(startAt);
    push('start', 'in_progress', c.handler, 'handler', startAt, r.pick(NOTES.start));
    if (reached()) return finish();

    const rectifyAt = daylight(Math.max(dispatchedAt + work, t + 15 * MINUTE), r);
    superviseUntil(rectifyAt);
    push('rectify', 'rectified', c.handler, 'handler', rectifyAt, fixNote(c.category));
    if (reached()) return finish();

    const recheckAt = daylight(t + r.range(1, 30) * HOUR, r);
    if (rework < fate.reworks) {
      rework++;
      push('recheck_fail', 'dispatched', c.reporter, 'inspector', recheckAt, r.pick(NOTES.recheckFail));
      dispatchedAt = t;
      due = computeDue(t, c.limit);
      events[events.length - 1]!.detail = { rework, dueAt: due };
      continue;
    }
    push('recheck_pass', 'closed', c.reporter, 'inspector', recheckAt, r.pick(NOTES.recheckPass));
    closedAt = t;
    return finish();
  }
}

// Demo deadlines use the same rule as the product; the demo has no holidays loaded.
const demoCalendar = workCalendar();
function computeDue(start: number, limit: TimeLimit): number {
  return dueAt(new Date(start), limit, demoCalendar, 'Asia/Shanghai').getTime();
}
