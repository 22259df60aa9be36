// Takes in a report: photos checked and processed, a location chosen, the case placed in its
// grid and routed to a unit, duplicates looked up — and all of it stored together or not at all.
import { createHash } from 'node:crypto';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { formatCaseCode } from '../../lib/case-code';
import type { LonLat } from '../../lib/geo';
import { chooseLocation } from '../../lib/report-location';
import { localDate } from '../../lib/zoned-time';
import type { BlobStore } from '../../photos/blob-store';
import type { SessionUser } from '../auth/auth.types';
import { findNearbyOpen } from './duplicates';
import { withIdempotency } from './idempotency';
import { placeCase } from './case-placement';
import { intakeRepo } from './intake.repo';
import { photoRow, preparePhotos, readUploads, storePhotos, type PreparedPhoto } from './intake-photos';
import { getCase, type CaseView } from './cases.service';
import { NO_PATROLS, type PatrolLookup } from './patrol-lookup';

export type IntakeSettings = Pick<
  Config,
  'timeZone' | 'photoMaxBytes' | 'photoMaxPixels' | 'photoMaxFiles' | 'locationConflictM' | 'stalePhotoDays' | 'duplicateWindowDays'
>;

export type IntakeDeps = {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  settings: IntakeSettings;
  /** Called in the transaction after an event beyond the submission is written (notifications). */
  onEvent?: (tx: Queryable, event: { id: number }) => Promise<void>;
  /** Which patrol ids exist; NO_PATROLS until the patrol feature provides one. */
  patrols?: PatrolLookup;
};

export type IntakeInput = {
  photos: File[];
  /** After-photos of a problem the inspector fixed on the spot (马上办): the case starts rectified. */
  afterPhotos?: File[] | undefined;
  category: string;
  description: string;
  severity?: 'general' | 'serious' | 'major' | undefined;
  device?: (LonLat & { accuracyM?: number | undefined }) | undefined;
  /** The user placed the pin by hand. */
  manualLocation: boolean;
  observedAt?: Date | undefined;
  patrolId?: number | undefined;
};

export type IntakeResult = { status: number; body: CaseView; replayed: boolean };

// Phones' clocks drift; a minute or two ahead is not "the future".
const CLOCK_SKEW_MS = 5 * 60_000;

function requestHash(user: SessionUser, input: IntakeInput, photoHashes: string[]): string {
  const { photos: _files, afterPhotos: _after, ...fields } = input;
  return createHash('sha256').update(JSON.stringify({ user: user.id, fields, photoHashes })).digest('hex');
}

/** Files a new case from a report. Throws ApiError for bad input, having stored nothing. */
export async function submitCase(deps: IntakeDeps, user: SessionUser, input: IntakeInput, idempotencyKey?: string): Promise<IntakeResult> {
  const { settings } = deps;
  const now = deps.clock.now();
  // Units act on dispatched work; they do not file reports. Refused here, before any case id or code is drawn.
  if (user.role === 'handler') throw new ApiError(403, 'forbidden', 'a handler may not file reports; ask an inspector or the dispatcher');
  if (input.photos.length === 0) throw new ApiError(422, 'photo_required', 'a report needs at least one photo');
  const afterFiles = input.afterPhotos ?? [];
  if (input.photos.length + afterFiles.length > settings.photoMaxFiles) {
    throw new ApiError(413, 'payload_too_large', `at most ${settings.photoMaxFiles} photos per report`);
  }
  const fixedOnTheSpot = afterFiles.length > 0;
  if (fixedOnTheSpot && user.role !== 'inspector') {
    throw new ApiError(403, 'forbidden', 'only inspectors report problems fixed on the spot (马上办)');
  }
  const category = await intakeRepo.category(deps.db, input.category);
  if (!category) throw new ApiError(422, 'unknown_category', `unknown category "${input.category}"`, { field: 'category' });
  if (input.observedAt && input.observedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError(422, 'observed_at_in_future', 'observed_at is in the future', { field: 'observed_at' });
  }
  if (input.patrolId !== undefined && !(await (deps.patrols ?? NO_PATROLS).accepts(deps.db, { patrolId: input.patrolId, userId: user.id }))) {
    throw new ApiError(422, 'unknown_patrol', `unknown patrol ${input.patrolId}`, { field: 'patrol_id' });
  }
  const files = await readUploads([...input.photos, ...afterFiles], settings.photoMaxBytes);
  const hashes = files.map((f) => f.sha256);
  const beforeCount = input.photos.length;

  const answer = await withIdempotency(deps, { userId: user.id, key: idempotencyKey, requestHash: requestHash(user, input, hashes) }, async (record) => {
    const all = await preparePhotos(files, settings);
    const photos = all.slice(0, beforeCount);
    const location = chooseLocation({
      exifPoints: photos.map((p) => p.meta.gps),
      device: input.device ?? null,
      manual: input.manualLocation,
      conflictM: settings.locationConflictM,
    });
    if (!location) {
      throw new ApiError(422, 'location_required', 'no location: the photos carry no GPS and the request has no lat/lon');
    }
    const stored = await storePhotos(deps, all);
    try {
      const body = await deps.db.transaction(async (tx) => {
        await stored.claim(tx);
        const { placement, areaIds } = await placeCase(tx, location.point);
        const unit = placement ? await intakeRepo.defaultUnit(tx, placement.path.map((a) => a.id), category.code) : undefined;
        const flags = caseFlags(photos, location.conflict, await intakeRepo.photosAlreadyUsed(tx, hashes), now, settings.stalePhotoDays);
        const day = localDate(now, settings.timeZone);
        const code = formatCaseCode(day, await intakeRepo.nextCodeSequence(tx, day));
        const observedAt = input.observedAt ?? earliest(photos.map((p) => p.meta.takenAt)) ?? null;
        const id = await intakeRepo.insertCase(tx, {
          code,
          categoryCode: category.code,
          severity: input.severity ?? category.defaultSeverity,
          description: input.description,
          point: location.point,
          source: location.source,
          exif: location.exif,
          device: location.device,
          deviceAccuracyM: input.device?.accuracyM ?? null,
          areaIds,
          unitId: unit?.id ?? null,
          reporterId: user.id,
          flags,
          patrolId: input.patrolId ?? null,
          observedAt,
          createdAt: now,
          status: fixedOnTheSpot ? 'rectified' : 'submitted',
        });
        const eventId = await intakeRepo.insertEvent(tx, {
          caseId: id,
          action: 'submit',
          fromStatus: null,
          toStatus: 'submitted',
          actorId: user.id,
          actorRole: user.role,
          note: null,
          payload: { location_source: location.source, flags, photos: photos.length },
          at: now,
        });
        // Fixed on the spot: a second event moves the case to rectified, carrying the after-photos.
        const fixEventId = fixedOnTheSpot
          ? await intakeRepo.insertEvent(tx, {
              caseId: id, action: 'fix_on_the_spot', fromStatus: 'submitted', toStatus: 'rectified',
              actorId: user.id, actorRole: user.role, note: null, payload: { photos: afterFiles.length, handling_mode: 'on_the_spot' }, at: now,
            })
          : null;
        for (const [i, p] of all.entries()) {
          const after = i >= beforeCount;
          const stage = after ? 'after' : 'before';
          const at = { caseId: id, eventId: after ? fixEventId! : eventId, stage, position: after ? i - beforeCount : i, uploadedBy: user.id, createdAt: now } as const;
          await intakeRepo.insertPhoto(tx, photoRow(p, stored[i]!, at));
        }
        if (fixEventId) await deps.onEvent?.(tx, { id: fixEventId });
        const body = await caseWithDuplicates(deps, tx, user, id);
        await record(tx, 201, body);
        return body;
      });
      return { status: 201, body };
    } catch (err) {
      await stored.rollback();
      throw err;
    }
  });
  return answer;
}

async function caseWithDuplicates(deps: IntakeDeps, tx: Queryable, user: SessionUser, id: number): Promise<CaseView> {
  // The reporter always gets their new case back, even one filed outside what they may list later
  // (a dispatcher reporting across the street boundary): reading it in scope would 404 and roll back.
  const view = await getCase({ db: tx, clock: deps.clock, settings: deps.settings }, user, id, { afterOwnAction: true });
  const [lon, lat] = view.location.coordinates;
  const duplicates = await findNearbyOpen(
    { db: tx, clock: deps.clock, settings: deps.settings },
    user,
    { point: { lon, lat }, category: view.category.code, excludeId: id },
  );
  return { ...view, possible_duplicates: duplicates };
}

const dims = (d: { mime: string; width: number; height: number }) => ({ mime: d.mime, width: d.width, height: d.height });

function earliest(dates: (Date | null)[]): Date | undefined {
  const real = dates.filter((d): d is Date => d !== null);
  return real.length ? new Date(Math.min(...real.map((d) => d.getTime()))) : undefined;
}

function caseFlags(photos: PreparedPhoto[], conflict: boolean, reused: Set<string>, now: Date, staleDays: number): string[] {
  const flags: string[] = [];
  if (conflict) flags.push('location_conflict');
  const staleBefore = now.getTime() - staleDays * 86_400_000;
  if (photos.some((p) => p.meta.takenAt && p.meta.takenAt.getTime() < staleBefore)) flags.push('stale_photo');
  if (photos.some((p) => reused.has(p.sha256))) flags.push('reused_photo');
  return flags;
}
