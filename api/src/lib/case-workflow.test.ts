import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles';
import { availableActions, CASE_ACTIONS, CASE_STATES, decide, type CaseAction, type CaseFacts, type CaseState } from './case-workflow';

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
  ['rectified', 'recheck_fail', 'inspector', 'dispatched'],
  ['rectified', 'recheck_fail', 'dispatcher', 'dispatched'],
  ['closed', 'reopen', 'dispatcher', 'registered'],
  ['submitted', 'relocate', 'dispatcher', 'submitted'],
  ['registered', 'relocate', 'dispatcher', 'registered'],
  ...(['registered', 'dispatched', 'in_progress', 'rectified'] as const).flatMap((s) =>
    (['dispatcher', 'supervisor'] as const).map((r) => [s, 'supervise', r, s] as [CaseState, CaseAction, Role, CaseState]),
  ),
];

const key = (s: string, a: string, r: string) => `${s}/${a}/${r}`;
const allowed = new Map(ALLOWED.map(([s, a, r, to]) => [key(s, a, r), to]));
// A dispatcher may recheck_pass, but only an on-the-spot fix: on this consulted case that is a 409, not a 403.
const rolesFor = (a: CaseAction) =>
  new Set([...ALLOWED.filter(([, x]) => x === a).map(([, , r]) => r), ...(a === 'recheck_pass' ? (['dispatcher'] as const) : [])]);

// On a dispatched, consulted case (the usual one); the facts that change the answer are tested below.
describe('every (state, action, role) triple', () => {
  for (const state of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      for (const role of ROLES) {
        const expected = allowed.get(key(state, action, role));
        it(`${state} —${action}→ as ${role}: ${expected ?? (rolesFor(action).has(role) ? '409' : '403')}`, () => {
          const d = decide(state, action, role, { handlingMode: 'consultation', wasDispatched: true });
          if (expected) expect(d).toEqual({ ok: true, to: expected });
          else expect(d).toEqual({ ok: false, reason: rolesFor(action).has(role) ? 'invalid_transition' : 'forbidden' });
        });
      }
    }
  }
});

// The facts a real case carries. A dispatcher's recheck_pass holds only for an on-the-spot fix.
const FACTS: Required<CaseFacts>[] = [null, 'on_the_spot', 'consultation', 'joint'].flatMap((handlingMode) =>
  [true, false].map((wasDispatched) => ({ handlingMode, wasDispatched })),
);

describe('available_actions and the action check are one rule', () => {
  for (const facts of FACTS) {
    for (const state of CASE_STATES) {
      for (const role of ROLES) {
        it(`${state} as ${role}, ${JSON.stringify(facts)}: listed ⇔ allowed`, () => {
          const listed = availableActions(state, role, facts);
          for (const action of CASE_ACTIONS) expect(listed.includes(action), action).toBe(decide(state, action, role, facts).ok);
        });
      }
    }
  }

  it('a dispatcher confirms only on-the-spot fixes, and sees the button only then', () => {
    const onTheSpot = { handlingMode: 'on_the_spot', wasDispatched: false };
    expect(decide('rectified', 'recheck_pass', 'dispatcher', onTheSpot)).toEqual({ ok: true, to: 'closed' });
    expect(availableActions('rectified', 'dispatcher', onTheSpot)).toContain('recheck_pass');
    for (const handlingMode of [null, 'consultation', 'joint']) {
      const facts = { handlingMode, wasDispatched: true };
      expect(decide('rectified', 'recheck_pass', 'dispatcher', facts)).toEqual({ ok: false, reason: 'invalid_transition' });
      expect(availableActions('rectified', 'dispatcher', facts)).not.toContain('recheck_pass');
      expect(availableActions('rectified', 'inspector', facts)).toContain('recheck_pass');
    }
  });
});

describe('special cases', () => {
  it('sends a failed recheck of an on-the-spot fix (never dispatched) back to registered', () => {
    expect(decide('rectified', 'recheck_fail', 'dispatcher', { wasDispatched: false })).toEqual({ ok: true, to: 'registered' });
  });

  it('lists only the actions a role may take now', () => {
    const f = { handlingMode: 'consultation', wasDispatched: true };
    expect(availableActions('submitted', 'dispatcher', { handlingMode: null, wasDispatched: false })).toEqual(['accept', 'reject', 'merge', 'relocate']);
    expect(availableActions('dispatched', 'handler', f)).toEqual(['start', 'rectify', 'return']);
    expect(availableActions('rectified', 'supervisor', f)).toEqual(['supervise']);
    expect(availableActions('rectified', 'dispatcher', f)).toEqual(['recheck_fail', 'supervise']);
    expect(availableActions('closed', 'admin', f)).toEqual([]);
    expect(availableActions('merged', 'dispatcher', f)).toEqual([]);
  });

  it('leaves no way out of rejected or merged cases', () => {
    for (const role of ROLES) {
      for (const facts of FACTS) {
        expect(availableActions('rejected', role, facts)).toEqual([]);
        expect(availableActions('merged', role, facts)).toEqual([]);
      }
    }
  });
});
