// Imports real area boundaries from a GeoJSON FeatureCollection, all or nothing: every problem is
// found and reported first, and only a file without problems is written, in one transaction.
import type { Db, Queryable } from '../../db/db';
import {
  levelDepth,
  parentsFirst,
  parseAreaCollection,
  type AreaFeature,
  type Repair,
} from '../../lib/geojson-area-collection';
import { areaImportRepo } from './area-import.repo';

export type AreaImportSummary = {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** What was repaired, feature by feature. */
  repaired: Repair[];
  /** Areas not in the file whose ancestor ids changed because an ancestor moved. */
  relinked: number;
};

export type AreaImportResult = { ok: true; summary: AreaImportSummary } | { ok: false; problems: string[] };

/** Thrown inside the transaction so that it rolls back; never leaves this module. */
class Rejected extends Error {
  constructor(readonly problems: string[]) {
    super('area import rejected');
  }
}

/** Parents named by the file must exist in it or in the database, at a shallower level. */
async function checkHierarchy(q: Queryable, features: readonly AreaFeature[], codesInFile: ReadonlySet<string>): Promise<string[]> {
  const problems: string[] = [];
  const inFile = new Map(features.map((f) => [f.code, f]));
  const outside = [...new Set(features.map((f) => f.parentCode).filter((c): c is string => c !== null && !codesInFile.has(c)))];
  const existing = new Map((await areaImportRepo.findByCodes(q, outside)).map((a) => [a.code, a.level]));
  for (const f of features) {
    // A parent in the file was checked there (or has problems of its own, already reported).
    if (!f.parentCode || codesInFile.has(f.parentCode)) continue;
    const parentLevel = existing.get(f.parentCode);
    if (!parentLevel) problems.push(`${f.label}: parent ${f.parentCode} is neither in the file nor in the database`);
    else if (levelDepth(f.level) <= levelDepth(parentLevel)) {
      problems.push(`${f.label}: a ${f.level} cannot be inside ${f.parentCode}, a ${parentLevel} in the database; a child must be at a deeper level than its parent`);
    }
  }
  // Areas already below a redefined area stay there, so they must still be deeper than its new level.
  for (const child of await areaImportRepo.childrenNotIn(q, [...inFile.keys()])) {
    const parent = inFile.get(child.parentCode)!;
    if (levelDepth(child.level) <= levelDepth(parent.level)) {
      problems.push(`${parent.label}: cannot become a ${parent.level}: its child ${child.code} in the database is a ${child.level}`);
    }
  }
  return problems;
}

/** Reports repairs and rejects geometry that ST_MakeValid cannot turn into a polygon with area. */
async function checkGeometry(q: Queryable, features: readonly AreaFeature[]) {
  const problems: string[] = [];
  const repaired: Repair[] = [];
  const byCode = new Map(features.map((f) => [f.code, f]));
  const checks = await areaImportRepo.checkGeometries(q, features.map((f) => ({ code: f.code, geometry: f.geometry })));
  for (const c of checks) {
    const label = byCode.get(c.code)!.label;
    if (c.empty) {
      problems.push(`${label}: the geometry cannot be repaired into a non-empty polygon${c.reason ? ` (${c.reason})` : ''}`);
      continue;
    }
    if (c.wasInvalid) repaired.push({ label, note: `made valid with ST_MakeValid (${c.reason ?? 'invalid'})` });
    if (c.hadRepeats) repaired.push({ label, note: 'removed repeated points' });
  }
  return { problems, repaired };
}

/**
 * Imports a parsed GeoJSON document (`JSON.parse` of the file). Upserts by code, parents first;
 * a second run with the same file changes nothing. Any problem means nothing is written.
 */
export async function importAreas(deps: { db: Db }, input: unknown): Promise<AreaImportResult> {
  const parsed = parseAreaCollection(input);
  try {
    const summary = await deps.db.transaction(async (tx) => {
      const problems = [...parsed.problems];
      if (parsed.features.length > 0) problems.push(...(await checkHierarchy(tx, parsed.features, parsed.codesInFile)));
      const geometry = parsed.features.length > 0 ? await checkGeometry(tx, parsed.features) : { problems: [], repaired: [] };
      problems.push(...geometry.problems);
      if (problems.length > 0) throw new Rejected(problems);

      let inserted = 0;
      let updated = 0;
      for (const batch of parentsFirst(parsed.features)) {
        const written = await areaImportRepo.upsertBatch(tx, batch.map((f) => ({
          code: f.code, name: f.name, level: f.level, parent_code: f.parentCode, geometry: f.geometry,
        })));
        inserted += written.filter((w) => w.inserted).length;
        updated += written.filter((w) => !w.inserted).length;
      }
      const relinked = await areaImportRepo.relinkAncestors(tx);
      const total = parsed.features.length;
      return { total, inserted, updated, unchanged: total - inserted - updated, repaired: [...parsed.repairs, ...geometry.repaired], relinked };
    });
    return { ok: true, summary };
  } catch (err) {
    if (err instanceof Rejected) return { ok: false, problems: err.problems };
    throw err;
  }
}
