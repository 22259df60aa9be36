// The rules for responsible units: unique codes, and deactivation that is allowed even while
// handlers remain, but says who and what still points at the unit.
import { ApiError } from '../../http/errors';
import type { AdminDeps } from './admin.types';
import { requireArea } from './lookups.service';
import { unitsRepo, type UnitAdminRow, type UnitState } from './units.repo';
import type { NewUnitInput, UnitPatchInput, UnitsFilter } from './units.schemas';

export type UnitView = ReturnType<typeof toView>;

function toView(r: UnitAdminRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    area: r.area,
    phone: r.phone,
    active: r.active,
    active_handlers: r.activeHandlers,
    created_at: r.createdAt.toISOString(),
  };
}

/** Units matching the filters, by code. An unknown area in the filter is a 422. */
export async function listUnits(deps: AdminDeps, f: UnitsFilter): Promise<UnitView[]> {
  const areaId = f.area === undefined ? null : (await requireArea(deps.db, f.area)).id;
  const rows = await unitsRepo.list(deps.db, { kind: f.kind ?? null, areaId, active: f.active ?? null });
  return rows.map(toView);
}

/** One unit, or a 404. */
export async function getUnit(deps: AdminDeps, id: number): Promise<UnitView> {
  const row = await unitsRepo.get(deps.db, id);
  if (!row) throw new ApiError(404, 'not_found', `unit ${id} not found`);
  return toView(row);
}

/** Creates a unit; a taken code is a 409 `conflict`. */
export async function createUnit(deps: AdminDeps, input: NewUnitInput): Promise<UnitView> {
  return deps.db.transaction(async (tx) => {
    const areaId = input.area == null ? null : (await requireArea(tx, input.area)).id;
    const state: UnitState = { name: input.name, kind: input.kind, areaId, phone: input.phone ?? null, active: true };
    const id = await unitsRepo.insert(tx, { ...state, code: input.code, createdAt: deps.clock.now() });
    if (id === undefined) throw new ApiError(409, 'conflict', `the unit code ${input.code} is taken`);
    return toView((await unitsRepo.get(tx, id))!);
  });
}

/**
 * Changes a unit. Deactivating one with active handlers is allowed (their accounts are the
 * admin's next step), so the answer lists those handlers and the default rules left dangling.
 */
export async function updateUnit(deps: AdminDeps, id: number, patch: UnitPatchInput) {
  return deps.db.transaction(async (tx) => {
    const current = await unitsRepo.lock(tx, id);
    if (!current) throw new ApiError(404, 'not_found', `unit ${id} not found`);
    const next: UnitState = {
      name: patch.name ?? current.name,
      kind: patch.kind ?? current.kind,
      areaId: patch.area === undefined ? current.areaId : patch.area === null ? null : (await requireArea(tx, patch.area)).id,
      phone: patch.phone === undefined ? current.phone : patch.phone,
      active: patch.active ?? current.active,
    };
    await unitsRepo.update(tx, id, next);
    const unit = toView((await unitsRepo.get(tx, id))!);
    if (next.active) return { unit, handlers_still_active: [], default_rules: [] };
    const handlers = await unitsRepo.activeHandlers(tx, id);
    return {
      unit,
      handlers_still_active: handlers.map((h) => ({ id: h.id, username: h.username, display_name: h.displayName })),
      default_rules: await unitsRepo.rulesOfUnit(tx, id),
    };
  });
}
