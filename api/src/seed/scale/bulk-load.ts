// Two ways to stream generated rows into a table: COPY FROM STDIN on a pg connection (the fast
// path for PostgreSQL), and batched INSERT … SELECT FROM json_populate_recordset for any
// Queryable (PGlite, which has no COPY FROM STDIN through our Db interface).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Queryable } from '../../db/db';
import type { CopyValue } from './copy-text';

export type TableSink = {
  add(values: readonly CopyValue[]): void;
  /** True when the caller should `await flush()` before adding more. */
  readonly full: boolean;
  flush(): Promise<void>;
  /** Flushes the rest and waits until the server has it all. */
  end(): Promise<void>;
};

const COPY_CHUNK = 1 << 18;
const INSERT_BATCH = 1000;

/**
 * COPY `table` (`columns`) FROM STDIN on `client`, fed by `chunks` (COPY text, about 256 KB each)
 * through stream.pipeline, which handles back-pressure and errors on both sides.
 */
export async function copyInto(client: pg.PoolClient, table: string, columns: readonly string[], chunks: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

/** Groups COPY lines into chunks of about 256 KB. */
export function* chunked(lines: Iterable<string>): Generator<string> {
  let buf = '';
  for (const line of lines) {
    buf += line;
    if (buf.length >= COPY_CHUNK) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/** INSERT in batches of 1,000 rows, each batch one JSON parameter. */
export function insertSink(q: Queryable, table: string, columns: readonly string[]): TableSink {
  const list = columns.join(', ');
  const sql = `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`;
  let rows: Record<string, CopyValue>[] = [];
  const write = async () => {
    if (!rows.length) return;
    const batch = JSON.stringify(rows);
    rows = [];
    await q.query(sql, [batch]);
  };
  return {
    add(values) {
      const row: Record<string, CopyValue> = {};
      columns.forEach((c, k) => (row[c] = values[k]!));
      rows.push(row);
    },
    get full() {
      return rows.length >= INSERT_BATCH;
    },
    flush: write,
    end: write,
  };
}
