// Moves a case one step along the closed loop: checks role, state, version and what the action
// needs, then writes the case, its event and any photos in one transaction.
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import { withArticle } from '../../lib/indefinite-article';
import { decide, OPEN_STATES, type CaseAction, type CaseState } from '../../lib/case-workflow';
import type { Clock } from '../../lib/clock';
import { distanceM, type LonLat } from '../../lib/geo';
import { dueAt, type WorkCalendar } from '../../lib/time-limits';
import type { BlobStore } from '../../photos/blob-store';
import type { SessionUser } from '../auth/auth.types';
import { actionsRepo, type CaseChanges, type CaseForAction } from './actions.repo';
import { placeCase } from './case-placement';
import { caseScope } from './case-scope';
import { getCase, type CaseView } from './cases.service';
import { intakeRepo } from './intake.repo';
import { photoRow, preparePhotos, readUploads, storePhotos, type PreparedPhoto } from './intake-photos';

export type ActionSettings = Pick<Config, 'timeZone' | 'photoMaxBytes' | 'photoMaxPixels' | 'photoMaxFiles' | 'recheckRadiusM'>;

export type ActionDeps = {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  settings: ActionSettings;
  /** The working-day calendar (holidays, make-up days) for deadlines. */
  calendar: (q: Queryable) => Promise<WorkCalendar>;
  /** Called in the transaction after the event is written (notifications). */
  onEvent?: (tx: Queryable, event: { id: number; caseId: number; action: CaseAction; from: CaseState; to: CaseState }) => Promise<void>;
};

export type ActionInput = {
  action: CaseAction;
  version: number | undefined;
  note?: string | undefined;
  reason?: string | undefined;
  severity?: 'general' | 'serious' | 'major' | undefined;
  handlingMode?: 'on_the_spot' | 'consultation' | 'joint' | undefined;
  unitId?: number | undefined;
  dueAt?: Date | undefined;
  targetCaseId?: number | undefined;
  device?: LonLat | undefined;
  photos: File[];
};

const need = (value: unknown, code: string, message: string, field: string) => {
  if (value === undefined || value === null || value === '') throw new ApiError(422, code, message, { field });
};

const STAGE: Partial<Record<CaseAction, 'after' | 'recheck'>> = { rectify: 'after', recheck_pass: 'recheck', recheck_fail: 'recheck' };

/** Applies one action and returns the case as it now stands. */
export async function applyAction(deps: ActionDeps, user: SessionUser, caseId: number, input: ActionInput): Promise<CaseView> {
  const now = deps.clock.now();
  const c = await actionsRepo.forAction(deps.db, caseId, caseScope(user, 'c', 2));
  if (!c) throw new ApiError(404, 'not_found', `case ${caseId} not found`);
  const decision = decide(c.status, input.action, user.role, { wasDispatched: c.dispatchedAt !== null, handlingMode: c.handlingMode });
  if (!decision.ok && decision.reason === 'forbidden') {
    throw new ApiError(403, 'forbidden', `${withArticle(user.role)} may not ${input.action} a case`);
  }
  if (!decision.ok) {
    const why = input.action === 'recheck_pass' && user.role === 'dispatcher' && c.status === 'rectified'
      ? 'a dispatcher confirms only on-the-spot fixes (马上办); rechecks are for inspectors'
      : `cannot ${input.action} a case that is ${c.status}`;
    throw new ApiError(409, 'invalid_transition', why, { status: c.status });
  }
  if (input.version === undefined) {
    throw new ApiError(428, 'version_required', 'send the case version you acted on (If-Match or "version")');
  }
  if (input.version !== c.version) await conflict(deps, user, caseId);

  if (input.photos.length > deps.settings.photoMaxFiles) {
    throw new ApiError(413, 'payload_too_large', `at most ${deps.settings.photoMaxFiles} photos per action`);
  }
  const photos = input.photos.length ? await preparePhotos(await readUploads(input.photos, deps.settings.photoMaxBytes), deps.settings) : [];
  const changes = await changesFor(deps, user, c, input, decision.to, photos, now);
  const stored = await storePhotos(deps, photos);
  try {
    return await deps.db.transaction(async (tx) => {
      await stored.claim(tx);
      if (!(await actionsRepo.update(tx, c.id, c.version, changes, now))) throw new LostRace();
      const payload = eventPayload(input, changes, photos);
      const eventId = await intakeRepo.insertEvent(tx, {
        caseId: c.id, action: input.action, fromStatus: c.status, toStatus: decision.to,
        actorId: user.id, actorRole: user.role, note: input.note ?? input.reason ?? null, payload, at: now,
      });
      for (const [i, p] of photos.entries()) {
        const at = { caseId: c.id, eventId, stage: STAGE[input.action] ?? 'before', position: i, uploadedBy: user.id, createdAt: now } as const;
        await intakeRepo.insertPhoto(tx, photoRow(p, stored[i]!, at));
      }
      await deps.onEvent?.(tx, { id: eventId, caseId: c.id, action: input.action, from: c.status, to: decision.to });
      return getCase({ db: tx, clock: deps.clock, settings: deps.settings }, user, c.id, { afterOwnAction: true });
    });
  } catch (err) {
    await stored.rollback();
    // Read the winner's case only after our transaction is gone (PGlite has one connection).
    if (err instanceof LostRace) await conflict(deps, user, caseId);
    throw err;
  }
}

/** Someone else changed the case between our read and our write. */
class LostRace extends Error {}

/** 409 with the case as it stands now, so the client can show what changed. */
async function conflict(deps: ActionDeps, user: SessionUser, caseId: number): Promise<never> {
  const current = await getCase({ db: deps.db, clock: deps.clock, settings: deps.settings }, user, caseId);
  throw new ApiError(409, 'version_conflict', `the case changed meanwhile (now version ${current.version}); reload and try again`, { current });
}

/** What the action writes, after checking what it requires. */
async function changesFor(
  deps: ActionDeps, user: SessionUser, c: CaseForAction, input: ActionInput, to: CaseState, photos: PreparedPhoto[], now: Date,
): Promise<CaseChanges> {
  switch (input.action) {
    case 'accept':
      need(input.handlingMode, 'handling_mode_required', 'choose a handling mode: on_the_spot (马上办), consultation (协商办) or joint (联合办)', 'handling_mode');
      return { status: to, registeredAt: now, handlingMode: input.handlingMode!, ...(input.severity ? { severity: input.severity } : {}) };
    case 'reject':
      need(input.reason, 'reason_required', 'a rejection (不予立案) needs a reason', 'reason');
      return { status: to, closedAt: now };
    case 'dispatch': {
      const unitId = input.unitId ?? c.unitId;
      need(unitId, 'unit_required', 'choose the responsible unit', 'unit_id');
      if (!(await actionsRepo.activeUnit(deps.db, unitId!))) throw new ApiError(422, 'unknown_unit', `unit ${unitId} does not exist or is inactive`, { field: 'unit_id' });
      if (input.dueAt && input.dueAt.getTime() <= now.getTime()) throw new ApiError(422, 'due_at_in_past', 'the deadline must be in the future', { field: 'due_at' });
      return { status: to, unitId, dispatchedAt: now, dueAt: input.dueAt ?? (await defaultDeadline(deps, c, now)) };
    }
    case 'start':
      return { status: to };
    case 'rectify':
      if (photos.length === 0) throw new ApiError(422, 'photo_required', 'rectification needs at least one after-photo (整改后照片)', { field: 'photos' });
      return { status: to, rectifiedAt: now };
    case 'recheck_pass':
      if (user.role === 'inspector') assertOnSite(deps, c, input, photos);
      return { status: to, closedAt: now };
    case 'recheck_fail': {
      need(input.reason, 'reason_required', 'say what is still wrong (核查不通过的原因)', 'reason');
      const back = to === 'dispatched' ? { dispatchedAt: now, dueAt: await defaultDeadline(deps, c, now) } : { dispatchedAt: null, dueAt: null };
      return { status: to, reworkIncrement: 1, rectifiedAt: null, ...back };
    }
    case 'return':
      need(input.reason, 'reason_required', 'say why this is not your unit’s case (退回原因)', 'reason');
      return { status: to, unitId: null, dispatchedAt: null, dueAt: null };
    case 'supervise':
      need(input.note, 'note_required', 'a supervision (督办) needs a note', 'note');
      return { status: to, supervised: true };
    case 'merge': {
      need(input.targetCaseId, 'target_required', 'choose the case to merge into', 'target_case_id');
      const target = await actionsRepo.forAction(deps.db, input.targetCaseId!, caseScope(user, 'c', 2));
      if (!target || target.id === c.id || !OPEN_STATES.includes(target.status)) {
        throw new ApiError(422, 'invalid_target', 'merge into another open case you can see', { field: 'target_case_id' });
      }
      return { status: to, mergedIntoId: target.id, closedAt: now };
    }
    case 'reopen':
      need(input.reason, 'reason_required', 'reopening a closed case needs a reason', 'reason');
      return { status: to, closedAt: null, rectifiedAt: null, dispatchedAt: null, dueAt: null };
    case 'relocate': {
      // The corrected point comes in lat/lon. It must land in an area: relocating is how a case outside every area gets placed.
      if (!input.device) throw new ApiError(422, 'location_required', 'give the corrected location (lat/lon)', { field: 'lat' });
      const { placement, areaIds } = await placeCase(deps.db, input.device);
      if (!placement) throw new ApiError(422, 'outside_areas', 'the corrected location lies outside every area', { field: 'lat' });
      const unit = await intakeRepo.defaultUnit(deps.db, placement.path.map((a) => a.id), c.categoryCode);
      return { status: to, relocation: { point: input.device, areaIds }, unitId: unit?.id ?? null };
    }
  }
}

async function defaultDeadline(deps: ActionDeps, c: CaseForAction, now: Date): Promise<Date | null> {
  const limit = await actionsRepo.timeLimit(deps.db, c.categoryCode, c.severity);
  return limit ? dueAt(now, limit, await deps.calendar(deps.db), deps.settings.timeZone) : null;
}

/** A recheck must be made on site: the device's fix or a recheck photo's GPS near the case. */
function assertOnSite(deps: ActionDeps, c: CaseForAction, input: ActionInput, photos: PreparedPhoto[]) {
  const points = [input.device, ...photos.map((p) => p.meta.gps)].filter((p): p is LonLat => !!p);
  if (points.length === 0) {
    throw new ApiError(422, 'location_required', 'a recheck needs your location (lat/lon) or a photo with GPS, to show you were on site');
  }
  const nearest = Math.min(...points.map((p) => distanceM(p, { lon: c.lon, lat: c.lat })));
  if (nearest > deps.settings.recheckRadiusM) {
    throw new ApiError(422, 'too_far_from_case', `you are ${Math.round(nearest)} m from the case; a recheck must be within ${deps.settings.recheckRadiusM} m`, {
      distance_m: Math.round(nearest),
    });
  }
}

function eventPayload(input: ActionInput, ch: CaseChanges, photos: PreparedPhoto[]) {
  return {
    ...(input.reason ? { reason: input.reason } : {}),
    ...(ch.unitId !== undefined ? { unit_id: ch.unitId } : {}),
    ...(ch.dueAt !== undefined ? { due_at: ch.dueAt } : {}),
    ...(ch.severity ? { severity: ch.severity } : {}),
    ...(ch.handlingMode ? { handling_mode: ch.handlingMode } : {}),
    ...(ch.mergedIntoId ? { merged_into_id: ch.mergedIntoId } : {}),
    ...(ch.relocation ? { location: ch.relocation.point } : input.device ? { device: input.device } : {}),
    ...(photos.length ? { photos: photos.length } : {}),
  };
}
