// The embedded driver: PGlite with the PostGIS extension, in this process.
// PGlite is one connection, so every statement and transaction is serialized here.
import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Db, Queryable } from './db';
import { Mutex } from './mutex';

export type PgliteOptions = {
  /** Directory to persist to; undefined keeps everything in memory. */
  dataDir?: string;
  /** A data-dir dump (from `dumpPglite`) to start from, such as a prepared test template. */
  loadDataDir?: Blob;
};

// pg returns int8 and numeric as strings; both drivers hand back numbers instead, so
// counts and areas read the same whichever database runs.
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

/** Opens (or creates) an embedded PostGIS database. */
export async function openPglite(opts: PgliteOptions = {}): Promise<Db & { dump(): Promise<Blob> }> {
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { postgis },
    parsers,
  });
  const lock = new Mutex();
  let closed = false;

  const direct: Queryable = {
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      const res = await pg.query<R>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };

  return {
    driver: 'pglite',
    query: (sql, params) => lock.run(() => direct.query(sql, params)),
    exec: (sql) => lock.run(() => direct.exec(sql)),
    transaction: (fn) =>
      lock.run(() =>
        pg.transaction(async (tx) =>
          fn({
            async query<R extends object>(sql: string, params: readonly unknown[] = []) {
              return (await tx.query<R>(sql, params as unknown[])).rows;
            },
            async exec(sql: string) {
              await tx.exec(sql);
            },
          }),
        ),
      ),
    dump: () => lock.run(async () => (await pg.dumpDataDir('gzip')) as Blob),
    async close() {
      if (closed) return;
      closed = true;
      await lock.run(() => pg.close());
    },
  };
}
