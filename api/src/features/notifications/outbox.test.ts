// What each move of the closed loop announces, judged from the event alone.
import { describe, expect, it } from 'vitest';
import { WORKFLOW, type CaseAction } from '../../lib/case-workflow';
import { notificationKind } from './outbox';

describe('notificationKind', () => {
  it('names what each move of the closed loop announces', () => {
    const cases: [CaseAction, string | null, string, string | null][] = [
      ['accept', 'submitted', 'registered', null],
      ['reject', 'submitted', 'rejected', null],
      ['dispatch', 'registered', 'dispatched', 'dispatched'],
      ['start', 'dispatched', 'in_progress', null],
      ['rectify', 'in_progress', 'rectified', 'recheck_due'],
      ['recheck_pass', 'rectified', 'closed', null],
      ['recheck_fail', 'rectified', 'dispatched', 'rework'],
      // An on-the-spot case with no unit goes back to registered: no unit to tell.
      ['recheck_fail', 'rectified', 'registered', null],
      ['return', 'in_progress', 'registered', 'returned'],
      ['supervise', 'dispatched', 'dispatched', 'supervised'],
      ['merge', 'registered', 'merged', null],
      ['reopen', 'closed', 'registered', null],
      // Correcting a point before dispatch tells no one: no unit holds the case yet.
      ['relocate', 'submitted', 'submitted', null],
      ['relocate', 'registered', 'registered', null],
    ];
    for (const [action, from, to, kind] of cases) expect(notificationKind({ action, from, to }), `${action} ${from}→${to}`).toBe(kind);
    expect(new Set(cases.map(([a]) => a))).toEqual(new Set(Object.keys(WORKFLOW)));
  });

  it('announces nothing for a report coming in', () => {
    expect(notificationKind({ action: 'submit', from: null, to: 'submitted' })).toBeNull();
  });
});
