// "Is it this one?" — an inspector adds their photos to an open case instead of filing a duplicate.
// The case keeps its state: one 'add_report' event (from = to), its photos, and a new version.
import { createHash } from 'node:crypto';
import { ApiError } from '../../http/errors';
import { OPEN_STATES } from '../../lib/case-workflow';
import type { SessionUser } from '../auth/auth.types';
import { actionsRepo } from './actions.repo';
import { addReportRepo } from './add-report.repo';
import { caseScope } from './case-scope';
import { getCase, type CaseView } from './cases.service';
import { withIdempotency, type Answer } from './idempotency';
import { intakeRepo } from './intake.repo';
import { photoRow, preparePhotos, readUploads, storePhotos } from './intake-photos';
import type { IntakeDeps } from './intake.service';

export type AddReportInput = { photos: File[]; note: string };

const notOpen = (status: string) =>
  new ApiError(409, 'case_not_open', `this case is ${status}; report a new problem instead`, { status });

/** Adds a report (photos and a note) to case `caseId`. Throws ApiError for bad input, having stored nothing. */
export async function addReport(
  deps: IntakeDeps,
  user: SessionUser,
  caseId: number,
  input: AddReportInput,
  idempotencyKey?: string,
): Promise<Answer<CaseView>> {
  const { settings } = deps;
  if (user.role !== 'inspector') throw new ApiError(403, 'forbidden', 'only inspectors add reports to a case');
  if (input.photos.length === 0) throw new ApiError(422, 'photo_required', 'a report needs at least one photo', { field: 'photos' });
  if (input.photos.length > settings.photoMaxFiles) {
    throw new ApiError(413, 'payload_too_large', `at most ${settings.photoMaxFiles} photos per report`);
  }
  const c = await actionsRepo.forAction(deps.db, caseId, caseScope(user, 'c', 2));
  if (!c) throw new ApiError(404, 'not_found', `case ${caseId} not found`);
  const files = await readUploads(input.photos, settings.photoMaxBytes);
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ user: user.id, addReportTo: caseId, note: input.note, photoHashes: files.map((f) => f.sha256) }))
    .digest('hex');

  return withIdempotency(deps, { userId: user.id, key: idempotencyKey, requestHash }, async (record) => {
    // Checked here, not before: a retry of a report that went through must replay even if the case closed since.
    if (!OPEN_STATES.includes(c.status)) throw notOpen(c.status);
    const photos = await preparePhotos(files, settings);
    const stored = await storePhotos(deps, photos);
    const now = deps.clock.now();
    try {
      const body = await deps.db.transaction(async (tx) => {
        await stored.claim(tx);
        const bumped = await addReportRepo.bumpOpen(tx, c.id, OPEN_STATES, now);
        if (!bumped) throw notOpen((await actionsRepo.forAction(tx, c.id, { sql: 'TRUE', params: [] }))?.status ?? 'gone');
        const eventId = await intakeRepo.insertEvent(tx, {
          caseId: c.id, action: 'add_report', fromStatus: bumped.status, toStatus: bumped.status,
          actorId: user.id, actorRole: user.role, note: input.note || null,
          payload: { reporter_id: user.id, photos: photos.length }, at: now,
        });
        for (const [i, p] of photos.entries()) {
          const at = { caseId: c.id, eventId, stage: 'before', position: i, uploadedBy: user.id, createdAt: now } as const;
          await intakeRepo.insertPhoto(tx, photoRow(p, stored[i]!, at));
        }
        await deps.onEvent?.(tx, { id: eventId });
        const view = await getCase({ db: tx, clock: deps.clock, settings }, user, c.id, { afterOwnAction: true });
        await record(tx, 201, view);
        return view;
      });
      return { status: 201, body };
    } catch (err) {
      await stored.rollback();
      throw err;
    }
  });
}
