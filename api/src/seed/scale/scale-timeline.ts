// One synthetic case's life, walked forward from its report: accept, dispatch, start, rectify,
// recheck (with rework loops) and close; or reject; or fixed on the spot (马上办); or merged into an
// earlier report. The walk stops at the case's fate or at `now`, whichever comes first, so the last
// event's status is the case's status. Overdue work is supervised (督办) every few days.
import type { TimeLimit } from '../../lib/time-limits';
import type { Random } from '../demo-random';
import { NOTES, fixNote } from '../demo-texts';
import { DAY, daylight, HOUR, limitText, MINUTE, officeTime } from '../demo-time';
import { fastDueAt } from './scale-time';

export type Status = 'submitted' | 'registered' | 'dispatched' | 'in_progress' | 'rectified' | 'closed' | 'rejected' | 'merged';
export const STATUSES: readonly Status[] = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'];
export type HandlingMode = 'on_the_spot' | 'consultation' | 'joint';
type ActorRole = 'dispatcher' | 'handler' | 'inspector' | 'supervisor';

export type Fate = {
  /** Where the case stops if `now` does not stop it first. */
  target: Status;
  path: 'normal' | 'on_the_spot' | 'reject' | 'merge';
  reworks: number;
  /** on_time: done within the limit; late: up to 2.5× it; stuck: far past it. */
  pace: 'on_time' | 'late' | 'stuck';
};

export type TimelineContext = {
  category: string;
  reporterId: number;
  dispatcherId: number;
  /** The street's leader and the district's supervisor, who supervise now and then. */
  leaderIds: readonly number[];
  handlerId: number;
  unitId: number;
  unitName: string;
  limit: TimeLimit;
  handlingMode: HandlingMode;
  mergedIntoId: number | null;
  mergedIntoCode: string | null;
  now: number;
};

export type ScaleEvent = {
  action: string;
  from: Status | null;
  to: Status;
  actorId: number;
  role: ActorRole;
  at: number;
  note: string | null;
  payload: Record<string, unknown> | null;
};

export type ScaleTimeline = {
  events: ScaleEvent[];
  status: Status;
  handlingMode: HandlingMode | null;
  registeredAt: number | null;
  dispatchedAt: number | null;
  dueAt: number | null;
  rectifiedAt: number | null;
  closedAt: number | null;
  reworkCount: number;
  supervisionCount: number;
};

/** Thrown inside the walk when the next step would happen after `now`. */
const STOP = Symbol('stop');

/** Replays a case from `createdAt` until its fate or `now`. */
export function walkTimeline(fate: Fate, createdAt: number, c: TimelineContext, r: Random): ScaleTimeline {
  const tl: ScaleTimeline = {
    events: [], status: 'submitted', handlingMode: null, registeredAt: null, dispatchedAt: null, dueAt: null,
    rectifiedAt: null, closedAt: null, reworkCount: 0, supervisionCount: 0,
  };
  let t = createdAt;
  const limitAt = c.now - MINUTE;
  const push = (action: string, to: Status, actorId: number, role: ActorRole, at: number, note: string | null, payload: ScaleEvent['payload'] = null) => {
    // Strictly increasing times keep the timeline's order the same as the id order.
    const when = tl.events.length ? Math.max(at, t + MINUTE) : at;
    // The report itself always stands: its time was drawn before now.
    if (tl.events.length && when > limitAt) throw STOP;
    t = when;
    tl.events.push({ action, from: tl.events.length ? tl.status : null, to, actorId, role, at: t, note, payload });
    tl.status = to;
  };
  // Prompt work keeps to its deadline even when that means an evening visit.
  const inTime = (at: number, onTime: boolean) => (onTime && tl.dueAt !== null && at > tl.dueAt ? Math.max(t + MINUTE, tl.dueAt - 5 * MINUTE) : at);
  const reached = () => tl.status === fate.target && tl.reworkCount === fate.reworks;
  // 督办: once the deadline has passed, the street office (or a leader) chases the unit every few days.
  const superviseUntil = (until: number) => {
    if (tl.dueAt === null || until <= tl.dueAt) return;
    let s = officeTime(Math.max(tl.dueAt, t) + r.range(1, 16) * HOUR, r);
    for (let n = 0; n < 3 && s < until - 10 * MINUTE; n++) {
      const byLeader = r.chance(0.3);
      push('supervise', tl.status, byLeader ? r.pick(c.leaderIds) : c.dispatcherId, byLeader ? 'supervisor' : 'dispatcher', s,
        r.pick(NOTES.supervise), { overdue_hours: Math.round((s - tl.dueAt) / HOUR) });
      tl.supervisionCount++;
      s = officeTime(s + r.range(2, 4) * DAY, r);
    }
  };

  const walk = (): void => {
    push('submit', 'submitted', c.reporterId, 'inspector', createdAt, null);
    if (reached()) return;
    if (fate.path === 'reject') {
      push('reject', 'rejected', c.dispatcherId, 'dispatcher', officeTime(t + r.range(10, 300) * MINUTE, r), r.pick(NOTES.reject));
      tl.closedAt = t;
      return;
    }
    if (fate.path === 'on_the_spot') {
      tl.handlingMode = 'on_the_spot';
      push('fix_on_the_spot', 'rectified', c.reporterId, 'inspector', t + r.range(5, 40) * MINUTE, r.pick(NOTES.onTheSpot), { handling_mode: 'on_the_spot' });
      tl.rectifiedAt = t;
      if (reached()) return;
      push('recheck_pass', 'closed', c.dispatcherId, 'dispatcher', officeTime(t + r.range(10, 360) * MINUTE, r), r.pick(NOTES.recheckPass));
      tl.closedAt = t;
      return;
    }
    push('accept', 'registered', c.dispatcherId, 'dispatcher', officeTime(t + r.range(5, 180) * MINUTE, r), null, { handling_mode: c.handlingMode });
    tl.handlingMode = c.handlingMode;
    tl.registeredAt = t;
    if (reached()) return;
    if (fate.path === 'merge') {
      push('merge', 'merged', c.dispatcherId, 'dispatcher', t + r.range(2, 15) * MINUTE,
        `与${c.mergedIntoCode}为同一问题，已合并办理`, { merged_into_id: c.mergedIntoId });
      return;
    }
    // Joint action needs the agencies lined up first, so its dispatch takes longer.
    const dispatchDelay = c.handlingMode === 'joint' ? r.range(2, 30) * HOUR : r.range(3, 120) * MINUTE;
    const dispatchAt = officeTime(t + dispatchDelay, r);
    const due = fastDueAt(Math.max(dispatchAt, t + MINUTE), c.limit);
    push('dispatch', 'dispatched', c.dispatcherId, 'dispatcher', dispatchAt, `派遣至${c.unitName}，限${limitText(c.limit)}内处置`,
      { unit_id: c.unitId, due_at: new Date(due).toISOString() });
    tl.dispatchedAt = t;
    tl.dueAt = due;

    for (;;) {
      if (reached()) return;
      const span = tl.dueAt - tl.dispatchedAt;
      const q = fate.pace === 'on_time' ? r.range(0.3, 0.95) : fate.pace === 'late' ? r.range(1.1, 2.5) : r.range(4, 12);
      const work = Math.min(q * span, fate.pace === 'on_time' ? span : span + (fate.pace === 'late' ? 5 : 20) * DAY);
      const startAt = daylight(tl.dispatchedAt + Math.max(5 * MINUTE, r.range(0.03, 0.2) * Math.min(span, work)), r);
      superviseUntil(startAt);
      push('start', 'in_progress', c.handlerId, 'handler', startAt, r.pick(NOTES.start));
      if (reached()) return;
      const onTime = fate.pace === 'on_time';
      const rectifyAt = inTime(daylight(Math.max(tl.dispatchedAt + work, t + 15 * MINUTE), r), onTime);
      superviseUntil(rectifyAt);
      push('rectify', 'rectified', c.handlerId, 'handler', rectifyAt, fixNote(c.category));
      tl.rectifiedAt = t;
      if (reached()) return;
      // Work done on time is rechecked in time too, so the case closes by its deadline when it can.
      const slack = tl.dueAt - t;
      const recheckAt = onTime && slack > 20 * MINUTE
        ? inTime(daylight(t + Math.min(r.range(1, 30) * HOUR, slack * r.range(0.2, 0.9)), r), true)
        : daylight(t + r.range(1, 30) * HOUR, r);
      if (tl.reworkCount < fate.reworks) {
        const failAt = Math.max(recheckAt, t + MINUTE);
        const nextDue = fastDueAt(failAt, c.limit);
        push('recheck_fail', 'dispatched', c.reporterId, 'inspector', failAt, r.pick(NOTES.recheckFail),
          { rework_count: tl.reworkCount + 1, due_at: new Date(nextDue).toISOString() });
        tl.reworkCount++;
        tl.dispatchedAt = t;
        tl.dueAt = nextDue;
        tl.rectifiedAt = null;
        continue;
      }
      push('recheck_pass', 'closed', c.reporterId, 'inspector', recheckAt, r.pick(NOTES.recheckPass));
      tl.closedAt = t;
      return;
    }
  };

  // Open work past its deadline is being chased, whether the fate or `now` stopped the walk.
  for (const step of [walk, () => (tl.status === 'dispatched' || tl.status === 'in_progress') && superviseUntil(c.now)]) {
    try {
      step();
    } catch (err) {
      if (err !== STOP) throw err;
    }
  }
  return tl;
}
