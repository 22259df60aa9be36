// A generated case and its events as table rows, in a fixed column order shared by the COPY
// loader and the INSERT loader. Ids are given, not drawn from the sequences, so events can name
// their case while both tables stream in side by side.
import type { CopyValue } from './copy-text';
import { pointEwkb } from './copy-text';
import type { ScaleCase } from './scale-cases';

export const CASE_COLUMNS = [
  'id', 'code', 'category_code', 'severity', 'status', 'handling_mode', 'description', 'location', 'location_source',
  'area_id', 'micro_grid_id', 'grid_id', 'community_id', 'street_id', 'district_id', 'unit_id', 'reporter_id',
  'flags', 'rework_count', 'version', 'merged_into_id', 'observed_at', 'created_at', 'updated_at', 'dispatched_at', 'due_at',
  'closed_at', 'exif_location', 'device_location', 'device_accuracy_m', 'urgent', 'supervision_count', 'registered_at', 'rectified_at',
] as const;

// tx_id is left to its default: every event of the load shares the loading transaction's id.
export const EVENT_COLUMNS = ['id', 'case_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_role', 'note', 'payload', 'created_at'] as const;

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The cases row; `areaId` turns the micro-grid's lineage codes into ids. */
export function caseValues(c: ScaleCase, areaId: (code: string) => number): CopyValue[] {
  const tl = c.timeline;
  const m = c.microGrid;
  const location = pointEwkb(c.lonLat[0], c.lonLat[1]);
  const microGridId = areaId(m.code);
  return [
    c.id, c.code, c.categoryCode, c.severity, tl.status, tl.handlingMode, c.description, location, c.locationSource,
    microGridId, microGridId, areaId(m.lineage.grid), areaId(m.lineage.community), areaId(m.lineage.street), areaId(m.lineage.district),
    c.unitId, c.reporterId, c.flags, tl.reworkCount, tl.events.length, c.mergedIntoId, iso(c.observedAt), iso(c.createdAt),
    iso(tl.events.at(-1)!.at), iso(tl.dispatchedAt), iso(tl.dueAt), iso(tl.closedAt),
    c.locationSource === 'exif' ? location : null, c.locationSource === 'device' ? location : null,
    c.locationSource === 'device' ? 5 + (c.id % 26) : null,
    tl.supervisionCount > 0, tl.supervisionCount, iso(tl.registeredAt), iso(tl.rectifiedAt),
  ];
}

/** The case_events rows of a case, numbered from `firstId`. */
export function eventValues(c: ScaleCase, firstId: number): CopyValue[][] {
  return c.timeline.events.map((e, k) => [
    firstId + k, c.id, e.action, e.from, e.to, e.actorId, e.role, e.note, e.payload ?? {}, iso(e.at),
  ]);
}
