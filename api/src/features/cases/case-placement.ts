// Where a case belongs: its area at every level, from its point, and who owns it when the point
// lies outside every area.
//
// The owner rule: a case outside every area belongs to the street whose boundary is nearest its point
// (and that street's district). It keeps area_id NULL, so it stays `unassigned` (empty area_path) for the
// map's queue, but carries that street_id and district_id, so the street's dispatchers see it, accept it,
// dispatch it and relocate it into an area, and the district's supervisor sees it. With no streets at
// all, only the admin sees it.
import type { Queryable } from '../../db/db';
import type { LonLat } from '../../lib/geo';
import { intakeRepo, type NewCase, type Placement } from './intake.repo';

export type CasePlacement = { placement: Placement | undefined; areaIds: NewCase['areaIds'] };

/** The case's area and each ancestor by level; outside every area, the nearest street's and district's ids only. */
export async function placeCase(q: Queryable, point: LonLat): Promise<CasePlacement> {
  const placement = await intakeRepo.place(q, point);
  const areaIds: NewCase['areaIds'] = { area: placement?.areaId ?? null, micro_grid: null, grid: null, community: null, street: null, district: null };
  if (placement) {
    for (const a of placement.path) if (a.level in areaIds) areaIds[a.level as keyof NewCase['areaIds']] = a.id;
    return { placement, areaIds };
  }
  const owner = await intakeRepo.nearestStreet(q, point);
  return { placement, areaIds: { ...areaIds, street: owner?.streetId ?? null, district: owner?.districtId ?? null } };
}
