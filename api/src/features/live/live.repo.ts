// SQL for the live stream: where the event log stands, and the events after a position that a
// user may see. A position is (tx_id, id); only events of finished transactions are read.
import type { Queryable } from '../../db/db';
import type { SqlFragment } from '../cases/case-scope';

/** A place in the event log: events are read in (txId, id) order. `id` is what clients see. */
export type Position = { txId: string; id: number };

/** Before every event. */
export const START: Position = { txId: '0', id: 0 };

export type CaseChangeRow = Position & {
  caseId: number;
  code: string;
  action: string;
  from: string | null;
  to: string;
  status: string;
  actorRole: string | null;
  at: Date;
  category: string;
  severity: string;
  lon: number;
  lat: number;
  dueAt: Date | null;
};

// An event is readable once no transaction of this database that began before it is still
// running: then nothing can commit before it any more, so a reader moving forward never skips
// one. The horizon is the oldest running transaction *of this database* (transaction ids are
// cluster-wide, so other databases on the same server must not hold live updates back); with
// none running, every committed event is readable. xid8 ids map to pg_stat_activity's 32-bit
// xids modulo 2^32. A transaction left idle here still holds updates back until it ends, so
// production sets idle_in_transaction_session_timeout.
const HORIZON = `COALESCE(
    (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
     WHERE (x::text::numeric % 4294967296) IN (
       SELECT a.backend_xid::text::numeric FROM pg_stat_activity a
       WHERE a.datname = current_database() AND a.backend_xid IS NOT NULL)),
    pg_snapshot_xmax(pg_current_snapshot()))`;
const FINISHED = `e.tx_id < ${HORIZON}`;

const HEAD = `
  SELECT e.tx_id::text AS "txId", e.id FROM case_events e
  WHERE ${FINISHED}
  ORDER BY e.tx_id DESC, e.id DESC
  LIMIT 1`;

const POSITION_OF = `SELECT e.tx_id::text AS "txId", e.id FROM case_events e WHERE e.id = $1`;

// $1, $2: the position to read after; $3: how many; the scope's parameters from $4.
const changesAfter = (scope: SqlFragment) => `
  SELECT e.tx_id::text AS "txId", e.id, e.case_id AS "caseId", c.code, e.action,
         e.from_status AS "from", e.to_status AS "to", c.status, e.actor_role AS "actorRole", e.created_at AS "at",
         c.category_code AS category, c.severity, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, c.due_at AS "dueAt"
  FROM case_events e
  JOIN cases c ON c.id = e.case_id
  WHERE (e.tx_id, e.id) > ($1::xid8, $2::bigint) AND ${FINISHED} AND ${scope.sql}
  ORDER BY e.tx_id, e.id
  LIMIT $3`;

// Counting stops at $3: enough to tell "too many to replay" without counting them all.
const countAfter = (scope: SqlFragment) => `
  SELECT count(*)::int AS n FROM (
    SELECT 1 FROM case_events e
    JOIN cases c ON c.id = e.case_id
    WHERE (e.tx_id, e.id) > ($1::xid8, $2::bigint) AND ${FINISHED} AND ${scope.sql}
    LIMIT $3) AS missed`;

export const liveRepo = {
  /** The last readable event, or START when there is none. */
  head: async (q: Queryable): Promise<Position> => (await q.query<Position>(HEAD))[0] ?? START,
  /** The position of event `id`, or undefined when there is no such event. */
  positionOf: async (q: Queryable, id: number): Promise<Position | undefined> => (await q.query<Position>(POSITION_OF, [id]))[0],
  /** Up to `limit` readable events after `after`, in reading order, limited by `scope` (numbered from $4). */
  changesAfter: (q: Queryable, after: Position, limit: number, scope: SqlFragment) =>
    q.query<CaseChangeRow>(changesAfter(scope), [after.txId, after.id, limit, ...scope.params]),
  /** How many readable events in scope follow `after`, counting no further than `cap`. */
  countAfter: async (q: Queryable, after: Position, cap: number, scope: SqlFragment) =>
    (await q.query<{ n: number }>(countAfter(scope), [after.txId, after.id, cap, ...scope.params]))[0]!.n,
};

/** Is `a` after `b` in reading order? tx ids are decimal strings of up to 20 digits. */
export function isAfter(a: Position, b: Position): boolean {
  const ta = BigInt(a.txId);
  const tb = BigInt(b.txId);
  return ta === tb ? a.id > b.id : ta > tb;
}
