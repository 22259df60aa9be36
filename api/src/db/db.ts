// The one narrow database interface. Two drivers implement it with the same SQL:
// `pg` against PostgreSQL + PostGIS, and PGlite (in-process PostGIS) as the embedded default.

/** Something that runs SQL: the database itself, or an open transaction. */
export interface Queryable {
  /** Runs one parameterized statement and returns its rows. */
  query<R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
}

export type DriverName = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly driver: DriverName;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The first row, or undefined. */
export async function one<R extends object>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<R | undefined> {
  const rows = await q.query<R>(sql, params);
  return rows[0];
}
