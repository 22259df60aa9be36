// Loads the demo district for the embedded first run: areas, rivers, units, users and about 200
// cases with their timelines. Generation is pure and seeded (demo-*.ts); this file only writes it.
import type { Queryable } from '../db/db';
import { AREA_LEVELS } from '../features/areas/areas.repo';
import { buildDemoDistrict } from './demo-areas';
import { generateDemoCases, type DemoCase } from './demo-cases';
import { buildDemoPeople } from './demo-people';
import { buildDemoRivers } from './demo-rivers';
import { demoSeedRepo, type CaseRow, type EventRow } from './demo-seed.repo';
import type { EventSpec } from './demo-timeline';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function caseRow(c: DemoCase, codeOf: (ref: number) => string): CaseRow {
  return {
    code: c.code, category_code: c.categoryCode, severity: c.severity, status: c.status, handling_mode: c.handlingMode,
    description: c.description, lon: c.lonLat[0], lat: c.lonLat[1], location_source: c.locationSource, unit_code: c.unitCode,
    reporter: c.reporter, flags: c.flags, rework_count: c.reworkCount, version: c.events.length,
    merged_into_code: c.mergedIntoRef === null ? null : codeOf(c.mergedIntoRef),
    observed_at: iso(c.observedAt), created_at: iso(c.createdAt)!, updated_at: iso(c.events.at(-1)!.at)!,
    dispatched_at: iso(c.dispatchedAt), due_at: iso(c.dueAt), closed_at: iso(c.closedAt),
  };
}

/** The event's JSON payload, with the ids the API will hand out. */
function payload(e: EventSpec, unitId: (code: string) => number | undefined, caseId: (ref: number) => number | undefined) {
  const d = e.detail;
  const p: Record<string, unknown> = {};
  if (d.unitCode !== undefined) p.unit_id = unitId(d.unitCode);
  if (d.dueAt !== undefined) p.due_at = iso(d.dueAt);
  if (d.handlingMode !== undefined) p.handling_mode = d.handlingMode;
  if (d.rework !== undefined) p.rework_count = d.rework;
  if (d.overdueHours !== undefined) p.overdue_hours = d.overdueHours;
  if (d.mergedIntoRef !== undefined) p.merged_into_id = caseId(d.mergedIntoRef);
  return p;
}

/** Writes the demo data with `q` (the caller's transaction) and returns how many rows of each kind. */
export async function seedDemo(q: Queryable, opts: { now: Date; passwordHash: string }): Promise<Record<string, number>> {
  const district = buildDemoDistrict();
  const rivers = buildDemoRivers(district);
  const people = buildDemoPeople(district);

  let areas = 0;
  for (const level of AREA_LEVELS) {
    const rows = district.areas.filter((a) => a.level === level)
      .map((a) => ({ code: a.code, name: a.name, level: a.level, parent_code: a.parentCode, geometry: a.geometry }));
    areas += (await demoSeedRepo.insertAreas(q, rows)).length;
  }
  const units = await demoSeedRepo.insertUnits(q, people.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, area_code: u.areaCode })));
  const unitIds = new Map(units.map((u) => [u.code, u.id]));
  const areaUnits = await demoSeedRepo.insertAreaUnits(q, people.areaUnits.map((r) => ({ area_code: r.areaCode, category_code: r.categoryCode, unit_code: r.unitCode })));
  const users = await demoSeedRepo.insertUsers(q, people.users.map((u) => ({
    username: u.username, display_name: u.displayName, role: u.role, area_code: u.areaCode, unit_code: u.unitCode,
  })), opts.passwordHash);
  const segments = await demoSeedRepo.insertRiverSegments(q, rivers.map((s) => ({
    code: s.code, river_name: s.riverName, name: s.name, chief_username: s.chiefUsername, chief_name: s.chiefName,
    patrol_every_days: s.patrolEveryDays, area_code: s.areaCode, geometry: s.geometry,
  })));

  const categories = await demoSeedRepo.categories(q);
  const limits = new Map((await demoSeedRepo.timeLimits(q)).map((l) => [`${l.categoryCode}:${l.severity}`, { amount: l.amount, unit: l.unit }]));
  const cases = generateDemoCases({ district, rivers, people, categories, limits, now: opts.now });

  // Merged cases point at the case they were merged into, so that one goes in first.
  const byRef = new Map(cases.map((c) => [c.ref, c]));
  const codeOf = (ref: number) => byRef.get(ref)!.code;
  const inserted = [
    ...(await demoSeedRepo.insertCases(q, cases.filter((c) => c.mergedIntoRef === null).map((c) => caseRow(c, codeOf)))),
    ...(await demoSeedRepo.insertCases(q, cases.filter((c) => c.mergedIntoRef !== null).map((c) => caseRow(c, codeOf)))),
  ];
  const caseIds = new Map(inserted.map((c) => [c.code, c.id]));
  const events: EventRow[] = cases.flatMap((c) => c.events.map((e, seq) => ({
    case_code: c.code, seq, action: e.action, from_status: e.from, to_status: e.to, actor: e.actor, actor_role: e.role,
    note: e.note, payload: payload(e, (code) => unitIds.get(code), (ref) => caseIds.get(codeOf(ref))), created_at: iso(e.at)!,
  })));
  const eventCount = (await demoSeedRepo.insertEvents(q, events)).length;

  return {
    areas, units: units.length, areaUnits: areaUnits.length, users: users.length,
    riverSegments: segments.length, cases: inserted.length, events: eventCount,
  };
}
