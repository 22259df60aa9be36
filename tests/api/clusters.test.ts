// GET /api/map/clusters: the maintained aggregates stay equal to a rebuild through intake, actions and
// raw updates; the aggregate and query-time paths agree; scope and filters match the case list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/src/features/auth/auth.types';
import { MAP_CELLS_ZMAX, rebuildMapCells } from '../../api/src/features/map/map-cells.repo';
import { mapClusters, type ClustersQuery } from '../../api/src/features/map/clusters.service';
import type { ClustersResponse } from '../../api/src/features/map/clusters.schemas';
import { cellOf, GRID, gridFor, type Bbox } from '../../api/src/lib/tile-grid';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, IN_M1, ok } from '../helpers/workflow';
import { authRepo } from '../../api/src/features/auth/auth.repo';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};
const users: Record<string, SessionUser> = {};
const USERS = ['admin', 'supervisor', 'dispatcher1', 'dispatcher2', 'handler1', 'inspector1'];

// The test district is 0.1° at 120.5 E, 31.2 N; cases also fall just outside it (unassigned).
const CITY: Bbox = [120.45, 31.15, 120.65, 31.35];
const CATEGORIES = ['corridor_clutter', 'bank_garbage', 'fire_lane_blocked', 'ebike_indoor', 'illegal_outfall'];
const STATUSES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'];

/** A small seeded generator, so a failure replays. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(20261122);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

// Sets a case's area columns from its location, as intake does (deepest covering area and its ancestors).
const PLACE = `
  UPDATE cases c SET
    micro_grid_id = (SELECT id FROM areas a WHERE a.level = 'micro_grid' AND ST_Covers(a.geom, c.location) LIMIT 1),
    grid_id = (SELECT id FROM areas a WHERE a.level = 'grid' AND ST_Covers(a.geom, c.location) LIMIT 1),
    community_id = (SELECT id FROM areas a WHERE a.level = 'community' AND ST_Covers(a.geom, c.location) LIMIT 1),
    street_id = (SELECT id FROM areas a WHERE a.level = 'street' AND ST_Covers(a.geom, c.location) ORDER BY a.id LIMIT 1),
    district_id = (SELECT id FROM areas a WHERE a.level = 'district' AND ST_Covers(a.geom, c.location) LIMIT 1)
  WHERE c.id = ANY ($1::bigint[])`;
const DEEPEST = `UPDATE cases SET area_id = COALESCE(micro_grid_id, grid_id, community_id, street_id, district_id) WHERE id = ANY ($1::bigint[])`;

let inserted = 0;

/** Inserts `n` cases in one statement (the trigger sees them all at once), spread over the district and its edge. */
async function insertCases(n: number): Promise<number[]> {
  const rows = Array.from({ length: n }, () => {
    // Half in a few hot spots (so cells hold many cases), half anywhere.
    const hot = rnd() < 0.5;
    const lon = hot ? pick([120.503, 120.512, 120.556, 120.58]) + rnd() * 0.004 : 120.47 + rnd() * 0.16;
    const lat = hot ? pick([31.203, 31.215, 31.26]) + rnd() * 0.004 : 31.17 + rnd() * 0.16;
    const status = pick(STATUSES);
    const dispatched = ['dispatched', 'in_progress', 'rectified', 'closed'].includes(status);
    const dueHours = (rnd() - 0.3) * 200;
    return {
      lon, lat, status, category: pick(CATEGORIES), severity: pick(['general', 'serious', 'major']),
      unit: dispatched || rnd() < 0.3 ? pick([fx.unitIds['U-PROP'], fx.unitIds['U-WATER']]) : null,
      dispatchedAt: dispatched ? new Date(Date.parse('2026-11-22T01:00:00Z') - 72 * 3600e3) : null,
      dueAt: dispatched ? new Date(Date.parse('2026-11-22T01:00:00Z') + dueHours * 3600e3) : null,
      reporter: pick([fx.userIds.inspector1, fx.userIds.dispatcher1, fx.userIds.dispatcher2, null]),
      urgent: rnd() < 0.1,
      createdAt: new Date(Date.parse('2026-10-01T00:00:00Z') + rnd() * 50 * 86400e3),
      description: pick(['楼道堆物 stairs', '岸边垃圾 bank litter', 'blocked lane 消防通道', '']),
    };
  });
  const ids = await db.query<{ id: number }>(
    `INSERT INTO cases (code, category_code, severity, status, description, location, location_source, unit_id, reporter_id,
                        dispatched_at, due_at, urgent, created_at)
     SELECT r.code, r.category, r.severity, r.status, r.description,
            ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), 'manual', r.unit, r.reporter, r.dispatched_at, r.due_at, r.urgent, r.created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, lon float8, lat float8, status text, category text, severity text, unit int,
          reporter int, dispatched_at timestamptz, due_at timestamptz, urgent boolean, created_at timestamptz, description text)
     RETURNING id`,
    [JSON.stringify(rows.map((r, i) => ({ ...r, code: `T-${++inserted}-${i}`, dispatched_at: r.dispatchedAt, due_at: r.dueAt, created_at: r.createdAt })))],
  );
  const list = ids.map((r) => r.id);
  await db.query(PLACE, [list]);
  await db.query(DEEPEST, [list]);
  return list;
}

/** Both aggregate tables, rows with cases only, in key order; and a check that emptied rows are truly empty. */
async function aggregates() {
  const [bad] = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM map_cells WHERE n < 0 OR (n = 0 AND (sum_x7, sum_y7, sum_id) <> (0, 0, 0)))
          + (SELECT count(*) FROM map_cells_detail WHERE n < 0 OR (n = 0 AND (sum_x7, sum_y7, sum_id) <> (0, 0, 0)))::int AS n`,
  );
  expect(bad!.n).toBe(0);
  const detail = await db.query('SELECT * FROM map_cells_detail WHERE n <> 0 ORDER BY z, gx, gy, area_key, status, category_code, unit_key');
  const coarse = await db.query('SELECT * FROM map_cells WHERE n <> 0 ORDER BY z, gx, gy, area_key, status');
  return { detail, coarse };
}

async function expectAggregatesExact() {
  const maintained = await aggregates();
  await rebuildMapCells(db);
  const rebuilt = await aggregates();
  expect(maintained.detail.length).toBeGreaterThan(0);
  expect(maintained.detail).toEqual(rebuilt.detail);
  expect(maintained.coarse).toEqual(rebuilt.coarse);
}

const get = (who: string, url: string, headers: Record<string, string> = {}) => t.app.request(url, { headers: { ...as[who]!, ...headers } });
const clusters = async (who: string, params: string) => {
  const res = await get(who, `/api/map/clusters?${params}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ClustersResponse;
};
const bboxParam = (b: Bbox) => `bbox=${b.join(',')}`;

/** A 1280 × 800 px screen at this zoom over the busiest hot spot (clamped to the world). */
function screenAt(zoom: number): Bbox {
  const w = (1280 / (256 * 2 ** zoom)) * 360;
  const h = (800 / (256 * 2 ** zoom)) * 360 * Math.cos((31.2 * Math.PI) / 180);
  return [Math.max(-180, 120.505 - w / 2), Math.max(-85, 31.205 - h / 2), Math.min(180, 120.505 + w / 2), Math.min(85, 31.205 + h / 2)];
}
/** The whole test city where the grid allows it, else a screen. */
const viewAt = (zoom: number) => (gridFor(CITY, zoom) ? CITY : screenAt(zoom));

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  t = createTestApp(db);
  for (const u of USERS) as[u] = await bearerFor(t, u);
  // Each user as a session carries them (the auth repo's own query, area level included).
  for (const { username } of await db.query<{ username: string }>('SELECT username FROM users')) {
    users[username] = (await authRepo.findUserForLogin(db, username))!;
  }
});
afterAll(() => db?.close());

describe('maintained aggregates', () => {
  it('use the same cells as the grid library, and store zooms 0..MAP_CELLS_ZMAX', async () => {
    const [row] = await db.query<{ zmax: number; gx: number; gy: number; gx0: number; gy0: number }>(
      `SELECT map_cells_zmax() AS zmax, map_cell(map_norm_x(120.5012345), 17) AS gx, map_cell(map_norm_y(31.2044321), 17) AS gy,
              map_cell(map_norm_x(-180), 0) AS gx0, map_cell(map_norm_y(89), 0) AS gy0`,
    );
    expect(row!.zmax).toBe(MAP_CELLS_ZMAX);
    expect([row!.gx, row!.gy]).toEqual(cellOf(120.5012345, 31.2044321, 17));
    expect([row!.gx0, row!.gy0]).toEqual([0, 0]);
  });

  it('equal a rebuild from scratch after intake, actions, moves, bulk changes and deletes', async () => {
    // Through the API: intake, accept, dispatch, start, merge, reject.
    const a = await fileCase(t, as.inspector1!, IN_M1);
    let b = await fileCase(t, as.dispatcher2!, { lat: 31.205, lon: 120.555 });
    const dup = await fileCase(t, as.dispatcher1!, { lat: 31.2051, lon: 120.5051 });
    const rej = await fileCase(t, as.dispatcher1!, { lat: 31.215, lon: 120.515 });
    const accepted = await ok(t, as.dispatcher1!, a, 'accept', { handling_mode: 'consultation' });
    const dispatched = await ok(t, as.dispatcher1!, accepted, 'dispatch', { unit_id: fx.unitIds['U-PROP']! });
    await ok(t, as.handler1!, dispatched, 'start');
    b = await ok(t, as.dispatcher2!, b, 'accept', { handling_mode: 'joint' });
    await ok(t, as.dispatcher2!, b, 'dispatch', { unit_id: fx.unitIds['U-WATER']! });
    await ok(t, as.dispatcher1!, dup, 'merge', { target_case_id: a.id });
    await ok(t, as.dispatcher1!, rej, 'reject', { reason: '不属实' });
    await expectAggregatesExact();

    // Many cases in one statement, then random single-case changes of every kind the grid sees.
    const ids = await insertCases(400);
    for (let i = 0; i < 120; i++) {
      const id = pick(ids);
      const kind = pick(['move', 'status', 'dispatch', 'undispatch', 'category', 'street', 'irrelevant']);
      if (kind === 'move') {
        // A short hop (often the same zoom-17 cell) or a jump across the district.
        const far = rnd() < 0.5;
        await db.query(
          `UPDATE cases SET location = ST_SetSRID(ST_MakePoint(ST_X(location) + $2, ST_Y(location) + $3), 4326) WHERE id = $1`,
          [id, far ? (rnd() - 0.5) * 0.05 : (rnd() - 0.5) * 1e-4, far ? (rnd() - 0.5) * 0.05 : (rnd() - 0.5) * 1e-4],
        );
        await db.query(PLACE, [[id]]);
        await db.query(DEEPEST, [[id]]);
      } else if (kind === 'status') await db.query('UPDATE cases SET status = $2 WHERE id = $1', [id, pick(STATUSES)]);
      else if (kind === 'dispatch') await db.query('UPDATE cases SET status = $2, unit_id = $3, dispatched_at = now() WHERE id = $1', [id, 'dispatched', fx.unitIds['U-PROP']]);
      else if (kind === 'undispatch') await db.query('UPDATE cases SET dispatched_at = NULL, status = $2 WHERE id = $1', [id, 'registered']);
      else if (kind === 'category') await db.query('UPDATE cases SET category_code = $2 WHERE id = $1', [id, pick(CATEGORIES)]);
      // In the district but in no street (boundaries with gaps): the aggregates key it on the district.
      else if (kind === 'street') {
        await db.query('UPDATE cases SET area_id = district_id, micro_grid_id = NULL, grid_id = NULL, community_id = NULL, street_id = NULL WHERE id = $1', [id]);
      }
      else await db.query('UPDATE cases SET description = description || $2, version = version + 1 WHERE id = $1', [id, '.']);
    }
    // Statements that change many cases at once, a transaction of several statements, and deletes.
    await db.query(`UPDATE cases SET status = 'closed' WHERE id = ANY ($1::bigint[]) AND id % 5 = 0`, [ids]);
    await db.query(`UPDATE cases SET location = ST_Translate(location, 0.003, -0.002) WHERE id = ANY ($1::bigint[]) AND id % 7 = 0`, [ids]);
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE cases SET status = 'in_progress' WHERE id = $1`, [ids[0]]);
      await tx.query(`UPDATE cases SET category_code = 'bank_garbage', unit_id = $2 WHERE id = $1`, [ids[1], fx.unitIds['U-WATER']]);
    });
    await db.query(`DELETE FROM cases WHERE id = ANY ($1::bigint[]) AND id % 11 = 0`, [ids]);
    await expectAggregatesExact();
  });

  it('skip statements that change nothing the grid sees', async () => {
    const before = await db.query<{ x: string }>(`SELECT xmin::text AS x FROM map_cells ORDER BY z, gx, gy, area_key, status`);
    await db.query(`UPDATE cases SET description = description || '!', version = version + 1`);
    const after = await db.query<{ x: string }>(`SELECT xmin::text AS x FROM map_cells ORDER BY z, gx, gy, area_key, status`);
    expect(after).toEqual(before);
  });
});

describe('both paths', () => {
  const base = (zoom: number, extra: Partial<ClustersQuery> = {}): ClustersQuery => ({ bbox: viewAt(zoom), zoom, ...extra });
  const answerable: [string, Partial<ClustersQuery>][] = [
    ['admin', {}],
    ['admin', { status: ['submitted', 'closed'] }],
    ['admin', { category: ['bank_garbage', 'corridor_clutter'] }],
    ['admin', { area: 'S1', status: ['dispatched'] }],
    ['admin', { area: 'D' }],
    ['supervisor', { category: ['ebike_indoor'], status: ['closed', 'merged'] }],
    ['dispatcher1', {}],
    ['dispatcher2', { area: 'D' }],
    ['handler1', {}],
    ['handler1', { status: ['in_progress'], category: ['corridor_clutter'] }],
  ];

  it.each(answerable)('agree for %s with %j at every stored zoom', async (who, extra) => {
    const deps = { db, clock: t.clock };
    let seen = 0;
    for (let zoom = 0; zoom <= MAP_CELLS_ZMAX; zoom++) {
      const fromAggregates = await mapClusters(deps, users[who]!, base(zoom, extra), 'aggregates');
      const fromCases = await mapClusters(deps, users[who]!, base(zoom, extra), 'query');
      expect({ ...fromAggregates, source: 'query' }).toEqual(fromCases);
      seen += fromCases.total;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('agree that a filter outside the scope finds nothing', async () => {
    const deps = { db, clock: t.clock };
    for (const path of ['aggregates', 'query'] as const) {
      expect((await mapClusters(deps, users.dispatcher2!, base(12, { area: 'S1' }), path)).features).toEqual([]);
    }
  });

  it('choose the aggregates when they can answer, the cases otherwise', async () => {
    expect((await clusters('admin', `${bboxParam(CITY)}&zoom=12`)).source).toBe('aggregates');
    expect((await clusters('dispatcher1', `${bboxParam(CITY)}&zoom=12&area=S1`)).source).toBe('aggregates');
    expect((await clusters('handler1', `${bboxParam(CITY)}&zoom=12&category=bank_garbage`)).source).toBe('aggregates');
    expect((await clusters('inspector1', `${bboxParam(CITY)}&zoom=12`)).source).toBe('query');
    expect((await clusters('admin', `${bboxParam(CITY)}&zoom=12&area=M1`)).source).toBe('query');
    expect((await clusters('admin', `${bboxParam(CITY)}&zoom=12&overdue=true`)).source).toBe('query');
    expect((await clusters('admin', `bbox=120.5,31.2,120.505,31.203&zoom=19`)).source).toBe('query');
  });
});

describe('GET /api/map/clusters', () => {
  it('keeps every zoom within 500 features, or refuses a viewport far larger than a screen', async () => {
    for (let zoom = 0; zoom <= 18; zoom++) {
      const res = await get('admin', `/api/map/clusters?${bboxParam(CITY)}&zoom=${zoom}`);
      if (res.status === 400) {
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('viewport_too_large');
        expect(zoom).toBeGreaterThan(13);
        continue;
      }
      const body = (await res.json()) as ClustersResponse;
      expect(body.features.length).toBeLessThanOrEqual(GRID.maxCells);
      expect(body.grid.zoom).toBeGreaterThanOrEqual(zoom - GRID.maxCoarsen);
      const counted = body.features.reduce((n, f) => n + (f.properties.kind === 'cluster' ? f.properties.count : 1), 0);
      expect(counted).toBe(body.total);
      const screen = await clusters('admin', `${bboxParam(screenAt(zoom))}&zoom=${zoom}`);
      expect(screen.features.length).toBeLessThanOrEqual(GRID.maxCells);
      expect(screen.grid.zoom).toBe(zoom);
    }
  });

  it('answers clusters with counts by state and single cases with what a marker needs', async () => {
    const body = await clusters('admin', `${bboxParam(CITY)}&zoom=13`);
    expect(body.type).toBe('FeatureCollection');
    const cluster = body.features.find((f) => f.properties.kind === 'cluster')!;
    expect(cluster.properties.kind === 'cluster' && Object.values(cluster.properties.by_status).reduce((a, b) => a + b, 0)).toBe(
      cluster.properties.kind === 'cluster' && cluster.properties.count,
    );
    const deep = await clusters('admin', `bbox=120.5,31.2,120.52,31.21&zoom=18`);
    const marker = deep.features.find((f) => f.properties.kind === 'case');
    expect(marker?.properties).toEqual({
      kind: 'case', id: expect.any(Number), code: expect.any(String), status: expect.any(String), category: expect.any(String),
      severity: expect.any(String), urgent: expect.any(Boolean), overdue: expect.any(Boolean), due_soon: expect.any(Boolean),
    });
    expect(marker?.id).toBe(marker?.properties.kind === 'case' && marker.properties.id);
  });

  // The list is the reference for visibility: the same cases, by state, for every role and filter.
  const FILTERS = [
    '', 'status=dispatched,in_progress', 'category=bank_garbage', 'area=S1', 'area=S2', 'area=C1', 'area=M1', 'area=D',
    'overdue=true', 'overdue=false', 'due_soon=true', 'urgent=true', 'q=stairs', 'q=%E6%B6%88%E9%98%B2', 'from=2026-11-01T00:00:00%2B08:00',
    'to=2026-10-20T00:00:00%2B08:00', 'mine=true', 'status=closed&category=corridor_clutter&area=S1',
  ];
  describe.each(USERS)('as %s', (who) => {
    it.each(FILTERS)('sees what the list shows with "%s"', async (filter) => {
      const list = (await (await get(who, `/api/cases?limit=500&${bboxParam(CITY)}&${filter}`)).json()) as { total: number; cases: { id: number; status: string }[] };
      const byStatus: Record<string, number> = {};
      for (const c of list.cases) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
      const body = await clusters(who, `${bboxParam(CITY)}&zoom=12&${filter}`);
      expect(body.total).toBe(list.total);
      const got: Record<string, number> = {};
      for (const f of body.features) {
        if (f.properties.kind === 'cluster') for (const [s, n] of Object.entries(f.properties.by_status)) got[s] = (got[s] ?? 0) + n;
        else got[f.properties.status] = (got[f.properties.status] ?? 0) + 1;
      }
      expect(got).toEqual(byStatus);
      const visible = new Set(list.cases.map((c) => c.id));
      for (const f of body.features) if (f.properties.kind === 'case') expect(visible.has(f.properties.id)).toBe(true);
    });
  });

  it('keeps each role to its scope', async () => {
    const streetOf = async (ids: number[]) =>
      (await db.query<{ code: string | null }>(`SELECT DISTINCT s.code FROM cases c LEFT JOIN areas s ON s.id = c.street_id WHERE c.id = ANY ($1::bigint[])`, [ids])).map((r) => r.code);
    const markerIds = async (who: string) => {
      const ids: number[] = [];
      for (const bbox of ['120.5,31.2,120.53,31.215', '120.55,31.2,120.58,31.215', '120.5,31.25,120.53,31.265']) {
        for (const f of (await clusters(who, `bbox=${bbox}&zoom=18`)).features) if (f.properties.kind === 'case') ids.push(f.properties.id);
      }
      return ids;
    };
    expect(await streetOf(await markerIds('dispatcher2'))).toEqual(['S2']);
    const handled = await markerIds('handler1');
    expect(handled.length).toBeGreaterThan(0);
    const [wrong] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE id = ANY ($1::bigint[]) AND (unit_id IS DISTINCT FROM $2 OR dispatched_at IS NULL)`,
      [handled, fx.unitIds['U-PROP']],
    );
    expect(wrong!.n).toBe(0);
    const inspected = await markerIds('inspector1');
    const [outside] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE id = ANY ($1::bigint[]) AND micro_grid_id IS DISTINCT FROM $2 AND reporter_id IS DISTINCT FROM $3`,
      [inspected, fx.areaIds.M1, fx.userIds.inspector1],
    );
    expect(inspected.length).toBeGreaterThan(0);
    expect(outside!.n).toBe(0);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('admin', `/api/map/clusters?${bboxParam(CITY)}&zoom=12`);
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect((await get('admin', `/api/map/clusters?${bboxParam(CITY)}&zoom=12`, { 'if-none-match': tag! })).status).toBe(304);
  });

  it.each([
    ['no bbox', 'zoom=12', 'validation_failed'],
    ['no zoom', bboxParam(CITY), 'validation_failed'],
    ['a malformed bbox', 'bbox=120.5,31.2,120.6&zoom=12', 'validation_failed'],
    ['an inverted bbox', 'bbox=120.6,31.2,120.5,31.3&zoom=12', 'validation_failed'],
    ['a bbox off the world', 'bbox=120.5,31.2,190,31.3&zoom=12', 'validation_failed'],
    ['a negative zoom', `${bboxParam(CITY)}&zoom=-1`, 'validation_failed'],
    ['a zoom past 22', `${bboxParam(CITY)}&zoom=23`, 'validation_failed'],
    ['a fractional zoom', `${bboxParam(CITY)}&zoom=12.5`, 'validation_failed'],
    ['a viewport far larger than a screen', 'bbox=73,18,135,54&zoom=12', 'viewport_too_large'],
  ])('refuses %s with 400, changing nothing', async (_what, params, code) => {
    const fingerprint = () => db.query(`SELECT (SELECT count(*) || ':' || sum(n) || ':' || sum(sum_id) FROM map_cells) AS coarse,
                                               (SELECT count(*) || ':' || sum(n) || ':' || sum(sum_id) FROM map_cells_detail) AS detail`);
    const before = await fingerprint();
    const res = await get('admin', `/api/map/clusters?${params}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses an unknown area with 422 and a missing login with 401', async () => {
    expect((await get('admin', `/api/map/clusters?${bboxParam(CITY)}&zoom=12&area=NOPE`)).status).toBe(422);
    expect((await t.app.request(`/api/map/clusters?${bboxParam(CITY)}&zoom=12`)).status).toBe(401);
  });

  it('is described in the OpenAPI document with its limits', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, { get?: { description?: string } }> };
    const op = doc.paths['/api/map/clusters']?.get;
    expect(op?.description).toMatch(/at most 500 features/);
    expect(op?.description).toMatch(/viewport_too_large/);
  });
});
