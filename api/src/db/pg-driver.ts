// The production driver: a `pg` Pool against PostgreSQL + PostGIS.
import pg from 'pg';
import type { Db, Queryable } from './db';

// Same choice as the PGlite driver: int8 and numeric come back as numbers.
const typeParsers: Record<number, (v: string) => unknown> = {
  [pg.types.builtins.INT8]: Number,
  [pg.types.builtins.NUMERIC]: Number,
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type PgOptions = {
  connectionString: string;
  max?: number;
  /** Fail fast when the server does not answer, rather than hang at start-up. */
  connectionTimeoutMillis?: number;
};

function wrap(client: pg.PoolClient | pg.Pool): Queryable {
  return {
    async query<R extends object>(sql: string, params: readonly unknown[] = []) {
      const res = await client.query<R>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/** Opens a pool and checks that the server answers. */
export async function openPg(opts: PgOptions): Promise<Db & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 5000,
    types,
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener
  // that would crash the process instead of failing the next query.
  pool.on('error', () => undefined);
  const direct = wrap(pool);
  await direct.query('SELECT 1');

  let closed = false;
  return {
    driver: 'postgres',
    pool,
    query: direct.query,
    exec: direct.exec,
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client is not covered by the pool's listener: a backend terminated
      // mid-transaction emits 'error' here, which without a listener would crash the process.
      // The failing query rejects by itself; the broken client is discarded on release.
      let lost: Error | undefined;
      const onError = (err: Error) => {
        lost = err;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        client.release(lost ?? undefined);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
