// The rules for managing users: who needs an area or a unit, unique names, hashed passwords,
// and deactivation that logs the user out at once. An admin cannot lock themselves out.
import type { Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import { hashPassword } from '../../lib/password';
import type { SessionUser } from '../auth/auth.types';
import type { AdminDeps } from './admin.types';
import { assertActiveUnit, requireActiveUnit, requireArea, requireUnit } from './lookups.service';
import { usersRepo, type UserAdminRow, type UserState } from './users.repo';
import type { NewUserInput, UserPatchInput, UsersFilter } from './users.schemas';

export type UserView = ReturnType<typeof toView>;

function toView(r: UserAdminRow) {
  return {
    id: r.id,
    username: r.username,
    display_name: r.displayName,
    role: r.role,
    area: r.area,
    unit: r.unit,
    phone: r.phone,
    active: r.active,
    created_at: r.createdAt.toISOString(),
    last_seen_at: r.lastSeenAt ? r.lastSeenAt.toISOString() : null,
  };
}

const AREA_REQUIRED: Record<'dispatcher' | 'inspector' | 'supervisor', string> = {
  dispatcher: 'a dispatcher must have an area: their street',
  inspector: 'an inspector must have an area: the grid or micro-grid they patrol',
  supervisor: 'a supervisor must have an area: the one they oversee',
};

/**
 * The users table's CHECKs, as readable 422s: a handler works for a unit; everyone but
 * an admin or a handler works in an area.
 */
function assertAssignment(u: Pick<UserState, 'role' | 'areaId' | 'unitId'>) {
  if (u.role === 'handler' && u.unitId === null) {
    throw new ApiError(422, 'unit_required', 'a handler (责任单位人员) must belong to a unit');
  }
  if (u.role !== 'admin' && u.role !== 'handler' && u.areaId === null) {
    throw new ApiError(422, 'area_required', AREA_REQUIRED[u.role]);
  }
}

/** The unit a patch names; only a change of unit needs it active, so a closed unit's handler stays editable. */
async function changedUnitId(q: Queryable, ref: string | number, currentUnitId: number | null): Promise<number> {
  const unit = await requireUnit(q, ref);
  return unit.id === currentUnitId ? unit.id : assertActiveUnit(unit).id;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Users matching the filters, by user name. An unknown area or unit in a filter is a 422. */
export async function listUsers(deps: AdminDeps, f: UsersFilter): Promise<UserView[]> {
  const areaId = f.area === undefined ? null : (await requireArea(deps.db, f.area)).id;
  const unitId = f.unit === undefined ? null : (await requireUnit(deps.db, f.unit)).id;
  const rows = await usersRepo.list(deps.db, {
    role: f.role ?? null,
    areaId,
    unitId,
    active: f.active ?? null,
    like: f.q === undefined ? null : likePattern(f.q),
  });
  return rows.map(toView);
}

/** One user, or a 404. */
export async function getUser(deps: AdminDeps, id: number): Promise<UserView> {
  const row = await usersRepo.get(deps.db, id);
  if (!row) throw new ApiError(404, 'not_found', `user ${id} not found`);
  return toView(row);
}

/** Creates a user; a taken user name is a 409 `conflict`. */
export async function createUser(deps: AdminDeps, input: NewUserInput): Promise<UserView> {
  // Hashing takes about 100 ms: do it before the transaction, not while holding it.
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const state: UserState = {
      displayName: input.display_name,
      role: input.role,
      areaId: input.area == null ? null : (await requireArea(tx, input.area)).id,
      unitId: input.unit == null ? null : (await requireActiveUnit(tx, input.unit)).id,
      phone: input.phone ?? null,
      active: true,
    };
    assertAssignment(state);
    const id = await usersRepo.insert(tx, { ...state, username: input.username, passwordHash, createdAt: deps.clock.now() });
    if (id === undefined) throw new ApiError(409, 'conflict', `the user name ${input.username} is taken`);
    return toView((await usersRepo.get(tx, id))!);
  });
}

/**
 * Changes a user. Deactivating them, or resetting someone else's password, ends their
 * sessions in the same transaction. An admin may not deactivate or demote themselves, nor
 * the last active admin (409), so the district always keeps an admin who can log in.
 */
export async function updateUser(
  deps: AdminDeps,
  actor: SessionUser,
  id: number,
  patch: UserPatchInput,
): Promise<UserView & { sessions_ended: number }> {
  if (id === actor.id && (patch.active === false || (patch.role !== undefined && patch.role !== 'admin'))) {
    throw new ApiError(409, 'self_lockout', 'you cannot deactivate or demote yourself; ask another admin');
  }
  const passwordHash = patch.password === undefined ? null : await hashPassword(patch.password);
  const mayRemoveAdmin = patch.active === false || (patch.role !== undefined && patch.role !== 'admin');
  return deps.db.transaction(async (tx) => {
    const admins = mayRemoveAdmin ? await usersRepo.lockActiveAdmins(tx) : [];
    const current = await usersRepo.lock(tx, id);
    if (!current) throw new ApiError(404, 'not_found', `user ${id} not found`);
    // Two admins demoting each other at once would otherwise leave the district with none.
    if (mayRemoveAdmin && admins.includes(id) && admins.length === 1) {
      throw new ApiError(409, 'last_admin', 'this is the last active admin; make another admin first');
    }
    const next: UserState = {
      displayName: patch.display_name ?? current.displayName,
      role: patch.role ?? current.role,
      areaId: patch.area === undefined ? current.areaId : patch.area === null ? null : (await requireArea(tx, patch.area)).id,
      unitId: patch.unit === undefined ? current.unitId : patch.unit === null ? null : await changedUnitId(tx, patch.unit, current.unitId),
      phone: patch.phone === undefined ? current.phone : patch.phone,
      active: patch.active ?? current.active,
    };
    assertAssignment(next);
    await usersRepo.update(tx, id, next, passwordHash);
    const logOut = !next.active || (passwordHash !== null && id !== actor.id);
    const sessionsEnded = logOut ? await usersRepo.deleteSessions(tx, id) : 0;
    return { ...toView((await usersRepo.get(tx, id))!), sessions_ended: sessionsEnded };
  });
}
