// Importing real boundaries (npm run import:areas): parents first, upsert by code, geometry repaired
// or rejected by name, all or nothing; and the CLI as an operator runs it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAreas, type AreaImportResult } from '../../api/src/features/areas/area-import.service';
import { listAreas } from '../../api/src/features/areas/areas.service';
import { prepareDataDir } from '../helpers/spawn-server';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { REPO_ROOT } from '../setup/template';

const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/areas');
const fixture = (name: string) => path.join(FIXTURES, name);
const load = (name: string): unknown => JSON.parse(fs.readFileSync(fixture(name), 'utf8'));

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db?.close());

const run = (name: string) => importAreas({ db }, load(name));
const areaCount = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas'))[0]!.n;
const ancestorsOf = async (code: string) =>
  (await db.query<{ codes: string[] }>(
    `SELECT COALESCE(array_agg(p.code ORDER BY array_position(a.ancestor_ids, p.id)) FILTER (WHERE p.id IS NOT NULL), '{}') AS codes
     FROM areas a LEFT JOIN areas p ON p.id = ANY (a.ancestor_ids) WHERE a.code = $1 GROUP BY a.id`,
    [code],
  ))[0]?.codes;

function problemsOf(result: AreaImportResult): string[] {
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.summary)}`);
  return result.problems;
}

/** Runs `fn` and checks that the areas table is exactly as before. */
async function expectNothingWritten(fn: () => Promise<unknown>) {
  const snapshot = () => db.query('SELECT code, name, level, parent_id, ancestor_ids, ST_AsText(geom) AS g, updated_at FROM areas ORDER BY code');
  const before = await snapshot();
  await fn();
  expect(await snapshot()).toEqual(before);
}

describe('a valid file', () => {
  it('imports parents before children, with ancestor ids, as /api/areas then shows it', async () => {
    const result = await run('valid-3-level.geojson');
    expect(result).toEqual({ ok: true, summary: { total: 6, inserted: 6, updated: 0, unchanged: 0, repaired: [], relinked: 0 } });
    expect(await ancestorsOf('910100')).toEqual([]);
    expect(await ancestorsOf('910100002')).toEqual(['910100']);
    expect(await ancestorsOf('910100001002')).toEqual(['910100', '910100001']);
    // A numeric code in the file is stored as text, and its MultiPolygon exclave survives.
    expect(await ancestorsOf('910100002001')).toEqual(['910100', '910100002']);

    const streets = await listAreas({ db }, { parent: '910100' });
    expect(streets.features.map((f) => [f.properties.code, f.properties.level, f.properties.parent_code])).toEqual([
      ['910100001', 'street', '910100'], ['910100002', 'street', '910100'],
    ]);
    const [exclave] = (await listAreas({ db }, { parent: '910100002' })).features;
    expect(exclave!.properties).toMatchObject({ code: '910100002001', name: '江南社区', level: 'community' });
    expect(exclave!.geometry.type).toBe('MultiPolygon');
    expect(exclave!.geometry.coordinates).toHaveLength(2);
    expect(exclave!.geometry.coordinates[0]![0]![0]).toEqual([121.05, 31]);
  });

  it('changes nothing when imported again, and updates only what changed', async () => {
    await expectNothingWritten(async () => {
      expect(await run('valid-3-level.geojson')).toEqual({
        ok: true, summary: { total: 6, inserted: 0, updated: 0, unchanged: 6, repaired: [], relinked: 0 },
      });
    });
    const doc = load('valid-3-level.geojson') as { features: { properties: { code: string | number; name: string } }[] };
    doc.features.find((f) => f.properties.code === '910100001')!.properties.name = '东湖街道（新）';
    expect(await importAreas({ db }, doc)).toMatchObject({ ok: true, summary: { inserted: 0, updated: 1, unchanged: 5 } });
    expect((await listAreas({ db }, { level: 'street', parent: '910100' })).features.map((f) => f.properties.name)).toContain('东湖街道（新）');
  });
});

describe('geometry', () => {
  it('repairs a bow-tie, an unclosed ring and repeated points, and says so', async () => {
    const result = await run('needs-repair.geojson');
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.summary).toMatchObject({ inserted: 3 });
    const notes = result.summary.repaired.map((r) => `${r.label}: ${r.note}`);
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^feature 920100: made valid with ST_MakeValid \(Self-intersection/),
      'feature 920100001: closed the unclosed ring 0',
      'feature 920100002: removed repeated points',
    ]));
    const [bowtie] = await db.query<{ valid: boolean; parts: number; area: number; type: string }>(
      `SELECT ST_IsValid(geom) AS valid, ST_NumGeometries(geom) AS parts, ST_Area(geom) AS area, GeometryType(geom) AS type FROM areas WHERE code = '920100'`);
    expect(bowtie).toMatchObject({ valid: true, parts: 2, type: 'MULTIPOLYGON' });
    expect(bowtie!.area).toBeCloseTo(0.005, 9);
    const [street] = await db.query<{ points: number }>(`SELECT ST_NPoints(geom) AS points FROM areas WHERE code = '920100002'`);
    expect(street!.points).toBe(5);
  });

  it('rejects a geometry that cannot become a polygon, naming the feature, and writes nothing', async () => {
    const before = await areaCount();
    let problems: string[] = [];
    await expectNothingWritten(async () => {
      problems = problemsOf(await run('unrepairable.geojson'));
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^feature 930100001: the geometry cannot be repaired into a non-empty polygon/);
    expect(problems[1]).toMatch(/^feature 930100002: the geometry cannot be repaired into a non-empty polygon/);
    expect(await areaCount()).toBe(before);
    expect(await ancestorsOf('930100')).toBeUndefined();
  });
});

describe('problems in the file', () => {
  it('rejects a parent that is neither in the file nor in the database', async () => {
    let problems: string[] = [];
    await expectNothingWritten(async () => {
      problems = problemsOf(await run('missing-parent.geojson'));
    });
    expect(problems).toEqual(['feature 940100001001: parent 940100009 is neither in the file nor in the database']);
  });

  it('accepts a parent that is already in the database', async () => {
    const doc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { level: 'street', name: '后来街道', code: '910100003', parent_code: '910100' },
        geometry: { type: 'Polygon', coordinates: [[[121.1, 31.0], [121.12, 31.0], [121.12, 31.02], [121.1, 31.0]]] } },
    ] };
    expect(await importAreas({ db }, doc)).toMatchObject({ ok: true, summary: { inserted: 1 } });
    expect(await ancestorsOf('910100003')).toEqual(['910100']);
  });

  it('rejects a child that is not deeper than its parent, in the file or in the database', async () => {
    let problems: string[] = [];
    await expectNothingWritten(async () => {
      problems = problemsOf(await run('bad-level-order.geojson'));
    });
    expect(problems).toEqual([expect.stringMatching(/^feature 950100002: a street cannot be inside feature 950100001, a street/)]);

    const underDb = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { level: 'street', name: '错层街道', code: '950100009', parent_code: '910100001' },
        geometry: { type: 'Polygon', coordinates: [[[121.0, 31.0], [121.01, 31.0], [121.01, 31.01], [121.0, 31.0]]] } },
    ] };
    await expectNothingWritten(async () => {
      expect(problemsOf(await importAreas({ db }, underDb))).toEqual([
        expect.stringMatching(/^feature 950100009: a street cannot be inside 910100001, a street in the database/),
      ]);
    });

    // Turning a street into a micro-grid would leave its communities above it.
    const demote = load('valid-3-level.geojson') as { features: { properties: Record<string, unknown> }[] };
    demote.features.find((f) => f.properties.code === '910100001')!.properties.level = 'micro_grid';
    await expectNothingWritten(async () => {
      const p = problemsOf(await importAreas({ db }, demote));
      expect(p.some((line) => line.startsWith('feature 910100001001: a community cannot be inside feature 910100001, a micro_grid'))).toBe(true);
    });
  });

  it('rejects duplicate codes in the file', async () => {
    let problems: string[] = [];
    await expectNothingWritten(async () => {
      problems = problemsOf(await run('duplicate-code.geojson'));
    });
    expect(problems).toEqual(['feature 960100001: duplicate code, also used by features[1]']);
  });

  it('names every broken feature by code, or by index when it has none', async () => {
    let problems: string[] = [];
    await expectNothingWritten(async () => {
      problems = problemsOf(await run('bad-properties.geojson'));
    });
    expect(problems).toEqual([
      'features[1]: properties.code is missing or empty',
      expect.stringMatching(/^feature 970100002: level "town" is not one of district, street, community, grid, micro_grid/),
      'feature 970100003: geometry must be a Polygon or MultiPolygon, not LineString',
      expect.stringMatching(/^feature 970100004: ring 0 has a coordinate out of range: \[31, 122\.2\]/),
      'feature 970100005: properties.name is missing or empty',
    ]);
  });

  it('rejects what is not a FeatureCollection', async () => {
    expect(problemsOf(await importAreas({ db }, { type: 'Feature' }))).toEqual(['the file is not a GeoJSON FeatureCollection']);
    expect(problemsOf(await importAreas({ db }, { type: 'FeatureCollection', features: [] }))).toEqual(['the FeatureCollection has no features']);
  });
});

describe('moving an area to another parent', () => {
  it('fixes the ancestor ids of everything below it', async () => {
    expect(await run('reparent-before.geojson')).toMatchObject({ ok: true, summary: { inserted: 6 } });
    expect(await ancestorsOf('9801000010010101')).toEqual(['980100', '980100001', '980100001001', '98010000100101']);

    expect(await run('reparent-move.geojson')).toEqual({
      ok: true, summary: { total: 1, inserted: 0, updated: 1, unchanged: 0, repaired: [], relinked: 2 },
    });
    expect(await ancestorsOf('980100001001')).toEqual(['980100', '980100002']);
    expect(await ancestorsOf('98010000100101')).toEqual(['980100', '980100002', '980100001001']);
    expect(await ancestorsOf('9801000010010101')).toEqual(['980100', '980100002', '980100001001', '98010000100101']);
    const [moved] = (await listAreas({ db }, { parent: '980100002' })).features;
    expect(moved!.properties.code).toBe('980100001001');
  });
});

describe('the CLI', () => {
  type Ran = { code: number | null; stdout: string; stderr: string };
  const tsx = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
  const cli = (args: string[], env: Record<string, string>, timeout = 60_000) =>
    new Promise<Ran>((resolve) => {
      const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
      execFile(tsx, ['api/src/cli/import-areas.ts', ...args], { cwd: REPO_ROOT, env: { ...base, ...env }, timeout }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }));
    });
  // Fails before any database is opened, so no database is needed.
  const noDb = { DATA_DIR: path.join(os.tmpdir(), 'xuncha-import-no-db') };
  const oneLine = (r: Ran, pattern: RegExp) => {
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  };

  it('prints its usage when no file is given', async () => {
    const r = await cli([], noDb);
    expect(r.code).toBe(2);
    oneLine(r, /^xuncha import:areas: no file given; usage: npm run import:areas -- FILE\.geojson$/);
  });

  it('says so when the file is missing or not JSON', async () => {
    const missing = await cli(['tests/fixtures/areas/nope.geojson'], noDb);
    expect(missing.code).toBe(2);
    oneLine(missing, /^xuncha import:areas: cannot read tests\/fixtures\/areas\/nope\.geojson: no such file; usage: /);
    const broken = await cli([fixture('not-json.geojson')], noDb);
    expect(broken.code).toBe(2);
    oneLine(broken, /^xuncha import:areas: .*not-json\.geojson is not valid JSON \(.*\); usage: /);
    expect(fs.existsSync(noDb.DATA_DIR)).toBe(false);
  });

  it('imports into the configured database, and rejects a bad file with one line per problem', async () => {
    // PostgreSQL: the CLI writes into this file's test database. PGlite: into a fresh DATA_DIR
    // holding a copy of the migrated template (opening it takes a few seconds).
    let env: Record<string, string>;
    let dataDir: string | undefined;
    if (db.url) env = { DATABASE_URL: db.url };
    else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-import-'));
      await prepareDataDir(dataDir);
      env = { DATA_DIR: dataDir };
    }
    try {
      const summary = /^xuncha import:areas: .*cli-sample\.geojson: 3 areas: /;
      const first = await cli([fixture('cli-sample.geojson')], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout.split('\n')).toEqual([
        expect.stringMatching(summary),
        'repaired feature 990100001: closed the unclosed ring 0',
        '',
      ]);
      expect(first.stdout).toMatch(/: 3 inserted, 0 updated, 0 unchanged, 1 repaired, 0 descendants relinked\n/);

      const second = await cli([fixture('cli-sample.geojson')], env);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/: 0 inserted, 0 updated, 3 unchanged, 1 repaired, 0 descendants relinked\n/);

      const bad = await cli([fixture('unrepairable.geojson')], env);
      expect(bad.code).toBe(1);
      const lines = bad.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^xuncha import:areas: .*unrepairable\.geojson rejected, nothing written \(2 problems\):$/);
      expect(lines.slice(1)).toEqual([
        expect.stringMatching(/^feature 930100001: the geometry cannot be repaired/),
        expect.stringMatching(/^feature 930100002: the geometry cannot be repaired/),
      ]);
      expect(bad.stderr).not.toMatch(/^\s+at /m);
      if (db.url) {
        expect(await ancestorsOf('990100001001')).toEqual(['990100', '990100001']);
        expect(await ancestorsOf('930100')).toBeUndefined();
      }
    } finally {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('ring orientation (RFC 7946 §3.1.6)', () => {
  /** Twice the signed area of a ring: positive when counterclockwise. */
  const signedArea = (ring: number[][]) =>
    ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0]! * y! - x! * ring[i]![1]!), 0);

  it('serves exterior rings counterclockwise and holes clockwise after an import, repaired or not', async () => {
    const feature = (code: string, coordinates: number[][][]) =>
      ({ type: 'Feature', properties: { level: 'district', name: `方向${code}`, code }, geometry: { type: 'Polygon', coordinates } });
    const result = await importAreas({ db }, {
      type: 'FeatureCollection',
      features: [
        // Clockwise exterior with a counterclockwise hole: both the wrong way round.
        feature('930100', [
          [[121.4, 31.0], [121.4, 31.1], [121.5, 31.1], [121.5, 31.0], [121.4, 31.0]],
          [[121.42, 31.02], [121.48, 31.02], [121.48, 31.08], [121.42, 31.08], [121.42, 31.02]],
        ]),
        // A bow-tie: ST_MakeValid splits it into two triangles, one of them clockwise.
        feature('930200', [[[121.6, 31.0], [121.7, 31.1], [121.7, 31.0], [121.6, 31.1], [121.6, 31.0]]]),
      ],
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const served = (await listAreas({ db }, { level: 'district' })).features.filter((f) => ['930100', '930200'].includes(f.properties.code));
    expect(served).toHaveLength(2);
    for (const f of served) {
      const g = f.geometry as { type: string; coordinates: number[][][] | number[][][][] };
      const polygons = (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as number[][][][];
      expect(polygons.length).toBe(f.properties.code === '930200' ? 2 : 1);
      for (const [exterior, ...holes] of polygons) {
        expect(signedArea(exterior!), `${f.properties.code} exterior`).toBeGreaterThan(0);
        for (const hole of holes) expect(signedArea(hole), `${f.properties.code} hole`).toBeLessThan(0);
      }
      if (f.properties.code === '930100') expect(polygons[0]).toHaveLength(2);
    }
  });
});
