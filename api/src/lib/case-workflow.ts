// The closed loop (数字城管, adapted): which role may take which action from which state,
// and where it leads. Pure data and one function, so every (state, action, role) is testable.
import type { Role } from './roles';

export const CASE_STATES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'accept', 'reject', 'dispatch', 'start', 'rectify', 'recheck_pass', 'recheck_fail', 'return', 'supervise', 'merge', 'reopen', 'relocate',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const OPEN_STATES: readonly CaseState[] = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified'];

type Rule = { from: readonly CaseState[]; to: CaseState | 'same'; roles: readonly Role[] };

/**
 * The transition table. `same` keeps the state (supervision is recorded, not a move).
 * recheck_fail sends the work back to the unit; an on-the-spot (马上办) case that was never
 * dispatched goes back to registered instead, for a dispatcher to route (see `decide`).
 */
export const WORKFLOW: Record<CaseAction, Rule> = {
  accept: { from: ['submitted'], to: 'registered', roles: ['dispatcher'] },
  reject: { from: ['submitted'], to: 'rejected', roles: ['dispatcher'] },
  dispatch: { from: ['registered'], to: 'dispatched', roles: ['dispatcher'] },
  start: { from: ['dispatched'], to: 'in_progress', roles: ['handler'] },
  rectify: { from: ['dispatched', 'in_progress'], to: 'rectified', roles: ['handler'] },
  recheck_pass: { from: ['rectified'], to: 'closed', roles: ['inspector', 'dispatcher'] },
  recheck_fail: { from: ['rectified'], to: 'dispatched', roles: ['inspector', 'dispatcher'] },
  return: { from: ['dispatched', 'in_progress'], to: 'registered', roles: ['handler'] },
  supervise: { from: ['registered', 'dispatched', 'in_progress', 'rectified'], to: 'same', roles: ['dispatcher', 'supervisor'] },
  merge: { from: ['submitted', 'registered'], to: 'merged', roles: ['dispatcher'] },
  reopen: { from: ['closed'], to: 'registered', roles: ['dispatcher'] },
  // Correcting the point (and so the areas) before a unit is sent: how a case outside every area gets placed.
  relocate: { from: ['submitted', 'registered'], to: 'same', roles: ['dispatcher'] },
};

export type Decision =
  | { ok: true; to: CaseState }
  | { ok: false; reason: 'forbidden' | 'invalid_transition' };

/** What about the case, beyond its state, the rule looks at. */
export type CaseFacts = {
  /** Whether the case was ever dispatched to a unit (an on-the-spot fix was not). */
  wasDispatched?: boolean;
  /** The accepted handling mode; null before acceptance. */
  handlingMode?: string | null;
};

/**
 * May `role` take `action` on a case in `state`, and where does it lead?
 * A role that can never take the action is `forbidden` (403); a role that could, but not from
 * this state (or not on this case), meets an `invalid_transition` (409).
 * The one rule behind both the action check and `available_actions`: a button shown is a button that works,
 * up to the input the action needs (a photo, a reason, a location).
 * @example decide('dispatched', 'start', 'handler') // { ok: true, to: 'in_progress' }
 */
export function decide(state: CaseState, action: CaseAction, role: Role, facts: CaseFacts = {}): Decision {
  const rule = WORKFLOW[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(state)) return { ok: false, reason: 'invalid_transition' };
  // A dispatcher confirms only on-the-spot fixes (马上办); other rechecks are an inspector's, made on site.
  if (action === 'recheck_pass' && role === 'dispatcher' && facts.handlingMode !== undefined && facts.handlingMode !== 'on_the_spot') {
    return { ok: false, reason: 'invalid_transition' };
  }
  if (rule.to === 'same') return { ok: true, to: state };
  if (action === 'recheck_fail' && facts.wasDispatched === false) return { ok: true, to: 'registered' };
  return { ok: true, to: rule.to };
}

/** The actions `role` may take now on a case in `state` with these `facts`, for showing only the buttons that work. */
export function availableActions(state: CaseState, role: Role, facts: Required<CaseFacts>): CaseAction[] {
  return CASE_ACTIONS.filter((a) => decide(state, a, role, facts).ok);
}
