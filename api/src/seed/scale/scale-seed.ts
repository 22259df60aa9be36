// Loads a synthetic city with N cases for benchmarks. On PostgreSQL: reference data in one
// transaction, then cases and events streamed side by side through COPY on two connections with
// triggers off and secondary indexes dropped (rebuilt before commit), then the derived tables
// (map cells, statistics rollup), sequences, code counters, VACUUM and ANALYZE. On PGlite: the same rows
// through batched INSERTs in one transaction.
import type pg from 'pg';
import type { Db, Queryable } from '../../db/db';
import type { TimeLimit } from '../../lib/time-limits';
import { createRandom } from '../demo-random';
import { demoSeedRepo } from '../demo-seed.repo';
import { chunked, copyInto, insertSink, type TableSink } from './bulk-load';
import { copyLine } from './copy-text';
import { rebuildDerivedTables } from './derived-tables';
import { createCaseGenerator, creationOrder, type CaseWorld } from './scale-cases';
import { buildScaleCity } from './scale-city';
import { buildScalePeople } from './scale-people';
import { buildScaleRivers } from './scale-rivers';
import { CASE_COLUMNS, caseValues, EVENT_COLUMNS, eventValues } from './scale-rows';
import { scaleSeedRepo, type IndexDef } from './scale-seed.repo';
import { loadReferenceData, worldIds } from './scale-world';

export type ScaleSeedOptions = {
  cases: number;
  seed: number;
  now: Date;
  passwordHash: string;
  /** Progress lines. */
  log: (line: string) => void;
};

export type ScaleSeedSummary = Record<string, number | string>;

/** The pg pool behind a Db opened by openPg, if it is one. */
const poolOf = (db: Db) => (db as Db & { pool?: pg.Pool }).pool;
const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** Writes the dataset into an empty database (see `resetScaleData`). Returns row counts and timings. */
export async function seedScale(db: Db, o: ScaleSeedOptions): Promise<ScaleSeedSummary> {
  const t0 = performance.now();
  const state = await scaleSeedRepo.state(db);
  if (state.areas || state.users || state.cases) throw new Error('the database already holds areas, users or cases; wipe it first (--reset)');

  const r = createRandom(o.seed);
  const city = buildScaleCity(o.seed);
  const rivers = buildScaleRivers(city, r);
  const people = buildScalePeople(city, r);
  const reference = await db.transaction((tx) => loadReferenceData(tx, city, people, rivers, o.passwordHash));
  o.log(`reference data: ${reference.areas} areas, ${reference.units} units, ${reference.users} users, ${reference.riverSegments} river segments (${seconds(t0)})`);

  const categories = await demoSeedRepo.categories(db);
  const limits = new Map((await demoSeedRepo.timeLimits(db)).map((l) => [`${l.categoryCode}:${l.severity}`, { amount: l.amount, unit: l.unit } as TimeLimit]));
  const world: CaseWorld = { city, rivers, categories, limits, ids: await worldIds(db, people), now: o.now.getTime(), seed: o.seed, count: o.cases };
  const order = creationOrder(world);
  o.log(`creation times drawn and sorted (${seconds(t0)})`);

  const pool = poolOf(db);
  const loadStart = performance.now();
  const progress = (n: number) => {
    if (n % 100_000 === 0) o.log(`  ${n.toLocaleString('en')} cases streamed (${seconds(t0)})`);
  };
  const { events, codeCounters } = pool ? await copyCases(pool, world, order, progress, o.log) : await insertCases(db, world, order, progress);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  o.log(`cases and events loaded: ${o.cases} cases, ${events} events (${seconds(t0)})`);

  await db.transaction(async (tx) => {
    await scaleSeedRepo.bumpSequence(tx, 'cases', 'id');
    await scaleSeedRepo.bumpSequence(tx, 'case_events', 'id');
    await scaleSeedRepo.codeCounters(tx, [...codeCounters].map(([day, last]) => ({ day, last })));
  });
  const derivedStart = performance.now();
  await rebuildDerivedTables(db, o.log);
  const derivedSeconds = (performance.now() - derivedStart) / 1000;
  // VACUUM as well as ANALYZE: it sets the hint bits and the visibility map that autovacuum would set in
  // the next minutes anyway, so a bench run right after seeding measures the steady state, not the catch-up.
  const vacuumStart = performance.now();
  await db.exec('VACUUM (ANALYZE)');
  o.log(`vacuumed and analyzed (${((performance.now() - vacuumStart) / 1000).toFixed(1)} s)`);
  const summary = {
    ...reference, cases: o.cases, events, seed: o.seed, now: o.now.toISOString(), driver: db.driver,
    loadSeconds: Math.round(loadSeconds * 10) / 10, derivedSeconds: Math.round(derivedSeconds * 10) / 10,
    totalSeconds: Math.round((performance.now() - t0) / 100) / 10,
  };
  await scaleSeedRepo.markSeeded(db, summary);
  o.log(`done in ${seconds(t0)}`);
  return summary;
}

/** Empties every table the dataset writes. */
export async function resetScaleData(q: Queryable): Promise<void> {
  await scaleSeedRepo.wipe(q);
}

type Loaded = { events: number; codeCounters: ReadonlyMap<string, number> };

/** PostgreSQL: cases and events each stream from their own pass over the deterministic generator, so each COPY runs at its own pace. */
async function copyCases(pool: pg.Pool, world: CaseWorld, order: Uint32Array, progress: (n: number) => void, log: (line: string) => void): Promise<Loaded> {
  const casesPass = createCaseGenerator(world);
  const eventsPass = createCaseGenerator(world);
  let eventId = 1;
  const caseLines = function* () {
    let n = 0;
    for (const c of casesPass.cases(order)) {
      yield copyLine(caseValues(c, world.ids.areaId));
      progress(++n);
    }
  };
  const eventLines = function* () {
    for (const c of eventsPass.cases(order)) {
      for (const e of eventValues(c, eventId)) yield copyLine(e);
      eventId += c.timeline.events.length;
    }
  };
  await copyLoad(pool, (a, b) => Promise.all([
    copyInto(a, 'cases', CASE_COLUMNS, chunked(caseLines())),
    copyInto(b, 'case_events', EVENT_COLUMNS, chunked(eventLines())),
  ]), log);
  return { events: eventId - 1, codeCounters: casesPass.codeCounters };
}

/** Any Db (PGlite): batched INSERTs in one transaction, triggers off. */
async function insertCases(db: Db, world: CaseWorld, order: Uint32Array, progress: (n: number) => void): Promise<Loaded> {
  const generator = createCaseGenerator(world);
  const events = await db.transaction(async (tx) => {
    await tx.exec('SET LOCAL session_replication_role = replica');
    const cases: TableSink = insertSink(tx, 'cases', CASE_COLUMNS);
    const events: TableSink = insertSink(tx, 'case_events', EVENT_COLUMNS);
    let eventId = 1;
    let n = 0;
    for (const c of generator.cases(order)) {
      cases.add(caseValues(c, world.ids.areaId));
      for (const e of eventValues(c, eventId)) events.add(e);
      eventId += c.timeline.events.length;
      if (cases.full) await cases.flush();
      if (events.full) await events.flush();
      progress(++n);
    }
    await cases.end();
    await events.end();
    return eventId - 1;
  });
  return { events, codeCounters: generator.codeCounters };
}

type Load = (cases: pg.PoolClient, events: pg.PoolClient) => Promise<unknown>;

/**
 * COPY cases and events at once, each on its own connection and transaction, with triggers off
 * (session_replication_role = replica also skips the foreign-key checks: ids are given and consistent)
 * and secondary indexes dropped, then rebuilt in one sort each before commit.
 */
async function copyLoad(pool: pg.Pool, load: Load, log: (line: string) => void): Promise<void> {
  const [a, b] = [await pool.connect(), await pool.connect()];
  const begin = async (client: pg.PoolClient, table: string): Promise<IndexDef[]> => {
    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = replica; SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL synchronous_commit = off");
    const indexes = await scaleSeedRepo.secondaryIndexes(wrap(client), table);
    for (const ix of indexes) await client.query(`DROP INDEX ${quoteIdent(ix.name)}`);
    return indexes;
  };
  const finish = async (client: pg.PoolClient, indexes: IndexDef[]) => {
    for (const ix of indexes) await client.query(ix.def);
    await client.query('COMMIT');
  };
  try {
    const [caseIndexes, eventIndexes] = [await begin(a, 'cases'), await begin(b, 'case_events')];
    await load(a, b);
    log(`  rows in; rebuilding ${caseIndexes.length + eventIndexes.length} secondary indexes`);
    await Promise.all([finish(a, caseIndexes), finish(b, eventIndexes)]);
    a.release();
    b.release();
  } catch (err) {
    // A ROLLBACK would queue behind a COPY that never ends: drop both connections instead, and the
    // server rolls back their transactions.
    a.release(err as Error);
    b.release(err as Error);
    throw err;
  }
}

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;
const wrap = (client: pg.PoolClient): Queryable => ({
  query: async <R extends object>(sql: string, params: readonly unknown[] = []) => (await client.query<R>(sql, params as unknown[])).rows,
  exec: async (sql: string) => void (await client.query(sql)),
});
