import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../features/auth/auth.types';
import { availableActions, CASE_ACTIONS, CASE_STATES, decide, type CaseAction, type CaseState } from './case-workflow';

// The whole table written out once more, by hand, as the closed loop in DESIGN.md draws it.
const ALLOWED: [CaseState, CaseAction, Role, CaseState][] = [
  ['submitted', 'accept', 'dispatcher', 'registered'],
  ['submitted', 'reject', 'dispatcher', 'rejected'],
  ['submitted', 'merge', 'dispatcher', 'merged'],
  ['registered', 'merge', 'dispatcher', 'merged'],
  ['registered', 'dispatch', 'dispatcher', 'dispatched'],
  ['dispatched', 'start', 'handler', 'in_progress'],
  ['dispatched', 'rectify', 'handler', 'rectified'],
  ['in_progress', 'rectify', 'handler', 'rectified'],
  ['dispatched', 'return', 'handler', 'registered'],
  ['in_progress', 'return', 'handler', 'registered'],
  ['rectified', 'recheck_pass', 'inspector', 'closed'],
  ['rectified', 'recheck_pass', 'dispatcher', 'closed'],
  ['rectified', 'recheck_fail', 'inspector', 'dispatched'],
  ['rectified', 'recheck_fail', 'dispatcher', 'dispatched'],
  ['closed', 'reopen', 'dispatcher', 'registered'],
  ...(['registered', 'dispatched', 'in_progress', 'rectified'] as const).flatMap((s) =>
    (['dispatcher', 'supervisor'] as const).map((r) => [s, 'supervise', r, s] as [CaseState, CaseAction, Role, CaseState]),
  ),
];

const key = (s: string, a: string, r: string) => `${s}/${a}/${r}`;
const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [key(s, a, r), to]));
const rolesFor = (a: CaseAction) => new Set(ALLOWED.filter(([, x]) => x === a).map(([, , r]) => r));

describe('every (state, action, role) triple', () => {
  for (const state of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      for (const role of ROLES) {
        const expected = allowed.get(key(state, action, role));
        it(`${state} —${action}→ as ${role}: ${expected ?? (rolesFor(action).has(role) ? '409' : '403')}`, () => {
          const d = decide(state, action, role);
          if (expected) expect(d).toEqual({ ok: true, to: expected });
          else expect(d).toEqual({ ok: false, reason: rolesFor(action).has(role) ? 'invalid_transition' : 'forbidden' });
        });
      }
    }
  }
});

describe('special cases', () => {
  it('sends a failed recheck of an on-the-spot fix (never dispatched) back to registered', () => {
    expect(decide('rectified', 'recheck_fail', 'dispatcher', { wasDispatched: false })).toEqual({ ok: true, to: 'registered' });
  });

  it('lists only the actions a role may take now', () => {
    expect(availableActions('submitted', 'dispatcher')).toEqual(['accept', 'reject', 'merge']);
    expect(availableActions('dispatched', 'handler')).toEqual(['start', 'rectify', 'return']);
    expect(availableActions('rectified', 'supervisor')).toEqual(['supervise']);
    expect(availableActions('closed', 'admin')).toEqual([]);
    expect(availableActions('merged', 'dispatcher')).toEqual([]);
  });

  it('leaves no way out of rejected or merged cases', () => {
    for (const role of ROLES) {
      expect(availableActions('rejected', role)).toEqual([]);
      expect(availableActions('merged', role)).toEqual([]);
    }
  });
});
