// The demo seed: one district whose areas tile exactly, rivers, units, a login per role, and
// about 200 cases in every status whose timelines, places and deadlines agree with each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../api/src/lib/password';
import { seedDemo } from '../../api/src/seed/demo-seed';
import { DEMO_PASSWORD } from '../../api/src/seed/seed-policy';
import { openTestDb, type TestDb } from '../helpers/test-db';

const NOW = new Date('2026-11-22T09:00:00+08:00');
const STATUSES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged'];

let db: TestDb;
let counts: Record<string, number>;
let passwordHash: string;
let seedMs: number;

beforeAll(async () => {
  db = await openTestDb();
  passwordHash = await hashPassword(DEMO_PASSWORD, 10);
  // On a real first start the migration has just loaded PostGIS; a copied template has not, and
  // PGlite takes most of a second to load it on first use. Time the seed, not that.
  await db.query(`SELECT count(*) FROM areas WHERE ST_IsValid(geom) AND geom && ST_MakeEnvelope(120.5, 31.2, 120.7, 31.4, 4326)`);
  const started = performance.now();
  counts = await db.transaction((tx) => seedDemo(tx, { now: NOW, passwordHash }));
  seedMs = performance.now() - started;
  console.log(`demo seed on ${db.driver}: ${Math.round(seedMs)} ms`, counts);
});
afterAll(() => db?.close());

const rows = <R extends object>(sql: string, params: unknown[] = []) => db.query<R>(sql, params);
const value = async <T>(sql: string, params: unknown[] = []) => Object.values((await rows<Record<string, T>>(sql, params))[0]!)[0] as T;

describe('the seed run', () => {
  it('is quick enough for the first start (budget 3 s on PGlite; asserted loosely)', () => {
    expect(seedMs).toBeLessThan(15_000);
  });

  it('reports what it wrote', async () => {
    expect(counts).toMatchObject({ areas: 48, riverSegments: 5 });
    expect(counts.cases).toBe(await value<number>('SELECT count(*)::int FROM cases'));
    expect(counts.events).toBe(await value<number>('SELECT count(*)::int FROM case_events'));
    expect(counts.users).toBe(await value<number>('SELECT count(*)::int FROM users'));
  });
});

describe('users', () => {
  it('has one login per role, named after it, with its area or unit, and the demo password', async () => {
    const users = await rows<{ username: string; role: string; area: string | null; level: string | null; unit: string | null; hash: string }>(`
      SELECT u.username, u.role, a.code AS area, a.level, n.kind AS unit, u.password_hash AS hash
      FROM users u LEFT JOIN areas a ON a.id = u.area_id LEFT JOIN units n ON n.id = u.unit_id
      WHERE u.username IN ('admin', 'dispatcher', 'handler', 'inspector', 'supervisor') ORDER BY u.username`);
    expect(users.map(({ hash: _hash, ...u }) => u)).toEqual([
      { username: 'admin', role: 'admin', area: null, level: null, unit: null },
      { username: 'dispatcher', role: 'dispatcher', area: '320599001', level: 'street', unit: null },
      { username: 'handler', role: 'handler', area: null, level: null, unit: 'property' },
      { username: 'inspector', role: 'inspector', area: '32059900100101', level: 'grid', unit: null },
      { username: 'supervisor', role: 'supervisor', area: '320599', level: 'district', unit: null },
    ]);
    for (const u of users) expect(await verifyPassword(DEMO_PASSWORD, u.hash), u.username).toBe(true);
  });

  it('gives every user the given password hash and a Chinese display name', async () => {
    const users = await rows<{ username: string; display_name: string; password_hash: string }>('SELECT username, display_name, password_hash FROM users');
    expect(users.every((u) => u.password_hash === passwordHash)).toBe(true);
    expect(users.every((u) => /\p{Script=Han}/u.test(u.display_name))).toBe(true);
  });

  it('puts the dispatcher and the inspector in the first street', async () => {
    const [street] = await rows<{ id: number }>(`SELECT id FROM areas WHERE code = '320599001'`);
    const inside = await value<boolean>(
      `SELECT bool_and(a.id = $1 OR $1 = ANY (a.ancestor_ids)) FROM users u JOIN areas a ON a.id = u.area_id WHERE u.username IN ('dispatcher', 'inspector')`,
      [street!.id],
    );
    expect(inside).toBe(true);
  });
});

describe('areas', () => {
  it('form one district, two streets, and communities, grids and micro-grids below them', async () => {
    const levels = Object.fromEntries(
      (await rows<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM areas GROUP BY level')).map((r) => [r.level, r.n]),
    );
    expect(levels).toEqual({ district: 1, street: 2, community: 5, grid: 10, micro_grid: 30 });
    const perParent = await rows<{ level: string; min: number; max: number }>(`
      SELECT c.level, min(n)::int AS min, max(n)::int AS max
      FROM (SELECT parent_id, level, count(*) AS n FROM areas WHERE parent_id IS NOT NULL GROUP BY parent_id, level) c
      GROUP BY c.level`);
    const range = Object.fromEntries(perParent.map((r) => [r.level, [r.min, r.max]]));
    expect(range.community).toEqual([2, 3]);
    expect(range.grid).toEqual([2, 2]);
    expect(range.micro_grid![0]).toBeGreaterThanOrEqual(2);
    expect(range.micro_grid![1]).toBeLessThanOrEqual(4);
  });

  it('link each area to a parent one level up, with ancestor ids from the root', async () => {
    const bad = await rows(`
      SELECT a.code FROM areas a LEFT JOIN areas p ON p.id = a.parent_id
      WHERE a.ancestor_ids IS DISTINCT FROM (CASE WHEN p.id IS NULL THEN '{}' ELSE p.ancestor_ids || p.id END)
         OR array_position(a.ancestor_ids, NULL) IS NOT NULL
         OR array_position(ARRAY['district','street','community','grid','micro_grid'], a.level)
            <> COALESCE(array_position(ARRAY['district','street','community','grid','micro_grid'], p.level), 0) + 1`);
    expect(bad).toEqual([]);
  });

  it('lie around 31.3 N 120.6 E, 6 to 8 km across, and are not plain rectangles', async () => {
    const [d] = await rows<{ lon: number; lat: number; w: number; h: number; points: number }>(`
      SELECT ST_X(ST_Centroid(geom)) AS lon, ST_Y(ST_Centroid(geom)) AS lat, ST_NPoints(geom) AS points,
             ST_Distance(ST_MakePoint(ST_XMin(geom), ST_Y(ST_Centroid(geom)))::geography, ST_MakePoint(ST_XMax(geom), ST_Y(ST_Centroid(geom)))::geography) AS w,
             ST_Distance(ST_MakePoint(ST_X(ST_Centroid(geom)), ST_YMin(geom))::geography, ST_MakePoint(ST_X(ST_Centroid(geom)), ST_YMax(geom))::geography) AS h
      FROM areas WHERE level = 'district'`);
    expect(d!.lon).toBeCloseTo(120.6, 1);
    expect(d!.lat).toBeCloseTo(31.3, 1);
    for (const size of [d!.w, d!.h]) {
      expect(size).toBeGreaterThan(6000);
      expect(size).toBeLessThan(9000);
    }
    expect(d!.points).toBeGreaterThan(30);
    // A rectangle has 5 points; every micro-grid has more, and none is axis-aligned.
    expect(await value<number>(`SELECT min(ST_NPoints(geom))::int FROM areas WHERE level = 'micro_grid'`)).toBeGreaterThan(5);
    expect(await value<number>(`SELECT count(*)::int FROM areas WHERE ST_Equals(geom, ST_Envelope(geom))`)).toBe(0);
  });

  it('tile their parents exactly: same total area, no overlaps between siblings, the union is the parent', async () => {
    const parents = await rows<{ code: string; parent: number; children: number; gap: number }>(`
      SELECT p.code, ST_Area(p.geom) AS parent, sum(ST_Area(c.geom)) AS children,
             ST_Area(ST_SymDifference(ST_Union(c.geom), p.geom)) AS gap
      FROM areas p JOIN areas c ON c.parent_id = p.id GROUP BY p.id`);
    expect(parents).toHaveLength(18);
    for (const p of parents) {
      expect(Math.abs(p.children - p.parent) / p.parent, p.code).toBeLessThan(1e-9);
      expect(p.gap / p.parent, p.code).toBeLessThan(1e-9);
    }
    const overlaps = await rows(`
      SELECT a.code, b.code FROM areas a JOIN areas b ON a.level = b.level AND a.id < b.id AND a.geom && b.geom
      WHERE ST_Overlaps(a.geom, b.geom) OR ST_Area(ST_Intersection(a.geom, b.geom)) > 1e-12`);
    expect(overlaps).toEqual([]);
  });

  it('have micro-grids that together cover each street exactly', async () => {
    const streets = await rows<{ code: string; street: number; micro: number; gap: number }>(`
      SELECT s.code, ST_Area(s.geom) AS street, sum(ST_Area(m.geom)) AS micro,
             ST_Area(ST_SymDifference(ST_Union(m.geom), s.geom)) AS gap
      FROM areas s JOIN areas m ON m.level = 'micro_grid' AND s.id = ANY (m.ancestor_ids)
      WHERE s.level = 'street' GROUP BY s.id`);
    expect(streets).toHaveLength(2);
    for (const s of streets) {
      expect(Math.abs(s.micro - s.street) / s.street, s.code).toBeLessThan(1e-9);
      expect(s.gap / s.street, s.code).toBeLessThan(1e-9);
    }
  });
});

describe('rivers and units', () => {
  it('has valid LineString river segments on two rivers, crossing the district, each with a chief', async () => {
    const segs = await rows<{ code: string; river_name: string; type: string; valid: boolean; simple: boolean; crosses: boolean; chief: string | null; every: number; m: number }>(`
      SELECT r.code, r.river_name, GeometryType(r.geom) AS type, ST_IsValid(r.geom) AS valid, ST_IsSimple(r.geom) AS simple,
             ST_Intersects(r.geom, d.geom) AS crosses, COALESCE(u.display_name, r.chief_name) AS chief, r.patrol_every_days AS every,
             ST_Length(r.geom::geography) AS m
      FROM river_segments r CROSS JOIN areas d LEFT JOIN users u ON u.id = r.chief_user_id
      WHERE d.level = 'district'`);
    expect(segs.length).toBeGreaterThanOrEqual(3);
    expect(segs.length).toBeLessThanOrEqual(5);
    expect(new Set(segs.map((s) => s.river_name)).size).toBe(2);
    for (const s of segs) {
      expect(s, s.code).toMatchObject({ type: 'LINESTRING', valid: true, simple: true, crosses: true });
      expect(s.chief).toBeTruthy();
      expect(s.every).toBeGreaterThan(0);
      expect(s.m).toBeGreaterThan(500);
    }
    // The main river runs on beyond the district on both sides.
    expect(await value<boolean>(`
      SELECT NOT ST_Within(ST_Union(r.geom), (SELECT geom FROM areas WHERE level = 'district')) FROM river_segments r WHERE r.river_name = '清溪河'`)).toBe(true);
  });

  it('has a unit of every kind, and a default unit for every category in every micro-grid', async () => {
    const kinds = (await rows<{ kind: string }>('SELECT DISTINCT kind FROM units ORDER BY kind')).map((r) => r.kind);
    expect(kinds).toEqual(['cleaning', 'community', 'fire', 'property', 'urban_management', 'water']);
    const missing = await rows(`
      SELECT m.code, c.code FROM areas m CROSS JOIN categories c
      WHERE m.level = 'micro_grid' AND NOT EXISTS (
        SELECT 1 FROM area_units au WHERE au.area_id = ANY (m.ancestor_ids || m.id) AND (au.category_code = c.code OR au.category_code IS NULL))`);
    expect(missing).toEqual([]);
  });
});

describe('cases', () => {
  it('number about 200, in every status, most of them closed', async () => {
    const byStatus = Object.fromEntries(
      (await rows<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM cases GROUP BY status')).map((r) => [r.status, r.n]),
    );
    const total = Object.values(byStatus).reduce((s, n) => s + n, 0);
    expect(total).toBeGreaterThanOrEqual(180);
    expect(total).toBeLessThanOrEqual(220);
    for (const s of STATUSES) expect(byStatus[s], s).toBeGreaterThan(0);
    expect(byStatus.closed! / total).toBeGreaterThan(0.5);
  });

  it('have codes XC-YYYYMMDD-NNNN by Shanghai creation day, numbered from 0001 each day', async () => {
    const cases = await rows<{ code: string; day: string; seq: number }>(`
      SELECT code, to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') AS day,
             row_number() OVER (PARTITION BY (created_at AT TIME ZONE 'Asia/Shanghai')::date ORDER BY created_at)::int AS seq
      FROM cases`);
    for (const c of cases) expect(c.code).toBe(`XC-${c.day}-${String(c.seq).padStart(4, '0')}`);
  });

  it('were created over the last 60 days or so, more on weekdays, and nothing happens after now', async () => {
    const [span] = await rows<{ first: Date; last: Date; lastEvent: Date; weekday: number; weekend: number }>(`
      SELECT min(created_at) AS first, max(created_at) AS last, (SELECT max(created_at) FROM case_events) AS "lastEvent",
             count(*) FILTER (WHERE extract(isodow FROM created_at AT TIME ZONE 'Asia/Shanghai') < 6)::float / 5 AS weekday,
             count(*) FILTER (WHERE extract(isodow FROM created_at AT TIME ZONE 'Asia/Shanghai') >= 6)::float / 2 AS weekend
      FROM cases`);
    const daysBack = (d: Date) => (NOW.getTime() - new Date(d).getTime()) / 86_400_000;
    expect(daysBack(span!.first)).toBeGreaterThan(45);
    expect(daysBack(span!.first)).toBeLessThan(75);
    expect(daysBack(span!.last)).toBeLessThan(2);
    expect(new Date(span!.lastEvent).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(span!.weekday).toBeGreaterThan(span!.weekend);
  });

  it('each lie inside exactly one micro-grid, with the right ancestors, or outside every area', async () => {
    const bad = await rows(`
      SELECT c.code FROM cases c JOIN areas m ON m.id = c.micro_grid_id
      WHERE NOT ST_Covers(m.geom, c.location) OR c.area_id <> m.id
         OR ARRAY[c.district_id, c.street_id, c.community_id, c.grid_id] IS DISTINCT FROM m.ancestor_ids`);
    expect(bad).toEqual([]);
    const ambiguous = await rows(`
      SELECT c.code FROM cases c WHERE (SELECT count(*) FROM areas m WHERE m.level = 'micro_grid' AND ST_Covers(m.geom, c.location)) <> 1
        AND c.area_id IS NOT NULL`);
    expect(ambiguous).toEqual([]);
    const unassigned = await rows<{ covered: boolean }>(`
      SELECT EXISTS (SELECT 1 FROM areas a WHERE ST_Covers(a.geom, c.location)) AS covered FROM cases c
      WHERE c.area_id IS NULL AND c.micro_grid_id IS NULL AND c.street_id IS NULL AND c.district_id IS NULL`);
    expect(unassigned.length).toBeGreaterThanOrEqual(1);
    expect(unassigned.length).toBeLessThanOrEqual(3);
    expect(unassigned.every((u) => !u.covered)).toBe(true);
    expect(await value<number>('SELECT count(*)::int FROM cases WHERE area_id IS NULL')).toBe(unassigned.length);
  });

  it('put river problems near a river and fire hazards in the estates', async () => {
    const [d] = await rows<{ river: number; fire: number }>(`
      SELECT max(dist) FILTER (WHERE domain = 'river') AS river, min(dist) FILTER (WHERE domain = 'fire') AS fire
      FROM (SELECT k.domain, (SELECT min(ST_Distance(c.location::geography, r.geom::geography)) FROM river_segments r) AS dist
            FROM cases c JOIN categories k ON k.code = c.category_code WHERE c.area_id IS NOT NULL) x`);
    expect(d!.river).toBeLessThan(100);
    expect(d!.fire).toBeGreaterThan(25);
  });

  it('have timelines that start with submit, chain from one status to the next, and end in the case status', async () => {
    const events = await rows<{ case_id: number; action: string; from_status: string | null; to_status: string; created_at: Date; actor_id: number | null; actor_role: string }>(
      'SELECT case_id, action, from_status, to_status, created_at, actor_id, actor_role FROM case_events ORDER BY case_id, id');
    const cases = await rows<{ id: number; status: string; version: number; rework_count: number; updated_at: Date }>(
      'SELECT id, status, version, rework_count, updated_at FROM cases');
    const byCase = new Map<number, typeof events>();
    for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
    for (const c of cases) {
      const tl = byCase.get(c.id) ?? [];
      expect(tl[0], `case ${c.id}`).toMatchObject({ action: 'submit', from_status: null, to_status: 'submitted', actor_role: 'inspector' });
      tl.forEach((e, i) => {
        expect(e.actor_id, `case ${c.id} ${e.action}`).not.toBeNull();
        if (i === 0) return;
        const prev = tl[i - 1]!;
        expect(e.from_status, `case ${c.id} ${e.action}`).toBe(prev.to_status);
        expect(new Date(e.created_at).getTime()).toBeGreaterThan(new Date(prev.created_at).getTime());
        if (e.action === 'supervise') expect(e.to_status).toBe(e.from_status);
      });
      expect(tl.at(-1)!.to_status, `case ${c.id}`).toBe(c.status);
      expect(c.version).toBe(tl.length);
      expect(new Date(c.updated_at).getTime()).toBe(new Date(tl.at(-1)!.created_at).getTime());
      expect(c.rework_count).toBe(tl.filter((e) => e.action === 'recheck_fail').length);
    }
  });

  it('only take transitions of the closed loop, each by a plausible role', async () => {
    const transitions = await rows<{ t: string }>(`SELECT DISTINCT action || ':' || COALESCE(from_status, '-') || '>' || to_status || ':' || actor_role AS t FROM case_events WHERE action <> 'supervise'`);
    const allowed = new Set([
      'submit:->submitted:inspector', 'accept:submitted>registered:dispatcher', 'reject:submitted>rejected:dispatcher',
      'dispatch:registered>dispatched:dispatcher', 'start:dispatched>in_progress:handler', 'rectify:in_progress>rectified:handler',
      'rectify:submitted>rectified:inspector', 'recheck_pass:rectified>closed:inspector', 'recheck_pass:rectified>closed:dispatcher',
      'recheck_fail:rectified>dispatched:inspector', 'merge:registered>merged:dispatcher',
    ]);
    expect(transitions.map((r) => r.t).filter((t) => !allowed.has(t))).toEqual([]);
    const actions = (await rows<{ action: string }>('SELECT DISTINCT action FROM case_events')).map((r) => r.action).sort();
    expect(actions).toEqual(['accept', 'dispatch', 'merge', 'recheck_fail', 'recheck_pass', 'rectify', 'reject', 'start', 'submit', 'supervise']);
  });

  it('have units, deadlines and closing times that match where each case has got to', async () => {
    const bad = await rows(`
      SELECT c.code, c.status FROM cases c
      WHERE (c.status IN ('dispatched', 'in_progress') AND (c.unit_id IS NULL OR c.dispatched_at IS NULL OR c.due_at <= c.dispatched_at))
         OR (c.status IN ('submitted', 'registered', 'rejected', 'merged') AND (c.unit_id IS NOT NULL OR c.dispatched_at IS NOT NULL))
         OR ((c.status = 'closed') <> (c.closed_at IS NOT NULL))
         OR (c.status NOT IN ('submitted', 'rejected', 'merged') AND c.handling_mode IS NULL)
         OR (c.status IN ('submitted', 'rejected') AND c.handling_mode IS NOT NULL)
         OR (c.unit_id IS NOT NULL) <> (c.dispatched_at IS NOT NULL)
         OR c.dispatched_at <> (SELECT max(e.created_at) FROM case_events e WHERE e.case_id = c.id AND e.to_status = 'dispatched' AND e.action <> 'supervise')
         OR c.closed_at <> (SELECT e.created_at FROM case_events e WHERE e.case_id = c.id AND e.to_status = 'closed')`);
    expect(bad).toEqual([]);
    // Dispatch goes to the area's default unit: the deepest row for the category, else the deepest catch-all.
    const wrongUnit = await rows(`
      SELECT c.code FROM cases c JOIN areas m ON m.id = c.micro_grid_id
      WHERE c.unit_id IS NOT NULL AND c.unit_id <> (
        SELECT au.unit_id FROM area_units au
        WHERE au.area_id = ANY (m.ancestor_ids || m.id) AND (au.category_code = c.category_code OR au.category_code IS NULL)
        ORDER BY au.category_code IS NULL, array_position(m.ancestor_ids || m.id, au.area_id) DESC LIMIT 1)`);
    expect(wrongUnit).toEqual([]);
  });

  it('compute deadlines from the time-limit table', async () => {
    const deadlines = await rows<{ code: string; unit: string; amount: number; dispatched: Date; due: Date; dow: number }>(`
      SELECT c.code, t.unit, t.amount, c.dispatched_at AS dispatched, c.due_at AS due,
             extract(isodow FROM c.due_at AT TIME ZONE 'Asia/Shanghai')::int AS dow
      FROM cases c JOIN time_limits t ON t.category_code = c.category_code AND t.severity = c.severity
      WHERE c.dispatched_at IS NOT NULL`);
    expect(deadlines.length).toBeGreaterThan(100);
    for (const d of deadlines) {
      const hours = (new Date(d.due).getTime() - new Date(d.dispatched).getTime()) / 3_600_000;
      if (d.unit === 'hours') expect(hours, d.code).toBeCloseTo(d.amount, 6);
      else {
        // Working days skip weekends: n days later at least, and never more than two weekends on top.
        expect(hours / 24, d.code).toBeGreaterThanOrEqual(d.amount);
        expect(hours / 24, d.code).toBeLessThanOrEqual(d.amount + 2 * Math.ceil(d.amount / 5) + 2);
        expect(d.dow, d.code).toBeLessThan(6);
      }
    }
  });

  it('include a few overdue open cases, some of them already supervised', async () => {
    const overdue = await rows<{ code: string; supervised: number }>(`
      SELECT c.code, (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id AND e.action = 'supervise') AS supervised
      FROM cases c WHERE c.status IN ('dispatched', 'in_progress') AND c.due_at < $1`, [NOW]);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.length).toBeLessThanOrEqual(15);
    expect(overdue.some((o) => o.supervised > 0)).toBe(true);
    // Supervision only ever follows a missed deadline.
    const early = await rows(`
      SELECT e.id FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE e.action = 'supervise' AND NOT EXISTS (
        SELECT 1 FROM case_events d WHERE d.case_id = c.id AND d.id < e.id AND (d.payload->>'due_at')::timestamptz < e.created_at)`);
    expect(early).toEqual([]);
  });

  it('rework some cases, flag a few location conflicts, and mark on-the-spot fixes', async () => {
    expect(await value<number>('SELECT count(*)::int FROM cases WHERE rework_count > 0')).toBeGreaterThan(3);
    expect(await value<number>(`SELECT count(*)::int FROM cases WHERE 'location_conflict' = ANY (flags)`)).toBeGreaterThan(0);
    expect(await value<number>(`SELECT count(*)::int FROM cases WHERE handling_mode = 'on_the_spot' AND unit_id IS NULL AND status = 'closed'`)).toBeGreaterThan(0);
    const modes = (await rows<{ m: string }>('SELECT DISTINCT handling_mode AS m FROM cases WHERE handling_mode IS NOT NULL')).map((r) => r.m).sort();
    expect(modes).toEqual(['consultation', 'joint', 'on_the_spot']);
  });

  it('merge duplicates into an open case of the same category nearby', async () => {
    const merged = await rows<{ code: string; same: boolean; open: boolean; metres: number; later: boolean; payload: boolean }>(`
      SELECT c.code, c.category_code = t.category_code AS same, t.status NOT IN ('closed', 'rejected', 'merged') AS open,
             ST_Distance(c.location::geography, t.location::geography) AS metres, c.created_at > t.created_at AS later,
             EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'merge' AND (e.payload->>'merged_into_id')::bigint = t.id) AS payload
      FROM cases c JOIN cases t ON t.id = c.merged_into_id WHERE c.status = 'merged'`);
    expect(merged.length).toBe(await value<number>(`SELECT count(*)::int FROM cases WHERE status = 'merged'`));
    for (const m of merged) {
      expect(m, m.code).toMatchObject({ same: true, open: true, later: true, payload: true });
      expect(m.metres).toBeLessThan(100);
    }
    expect(await value<number>(`SELECT count(*)::int FROM cases WHERE merged_into_id IS NOT NULL AND status <> 'merged'`)).toBe(0);
  });

  it('describe each problem in Chinese, and name reporters who are inspectors', async () => {
    const odd = await rows(`
      SELECT c.code FROM cases c LEFT JOIN users u ON u.id = c.reporter_id
      WHERE length(c.description) < 8 OR c.description !~ '[一-龥]' OR u.role IS DISTINCT FROM 'inspector'`);
    expect(odd).toEqual([]);
    expect(await value<number>('SELECT count(DISTINCT description)::int FROM cases')).toBeGreaterThan(100);
  });
});
