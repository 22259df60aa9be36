-- Statistics rollup: the 数字城管 counters and a time-to-close histogram, kept exact by triggers on cases
-- in the writing transaction, so GET /api/stats reads a few rollup rows instead of every case.
--
-- Each row adds up the cases received on one local day (grain 'day') or in one local month (grain 'month')
-- at one of three slices: 'district' (district_id only), 'street' (district_id, street_id) and 'full'
-- (also category_code, unit_id, was_dispatched). Key columns a slice drops are NULL.
--
-- Only rows that sum many cases are kept: at day grain a 'full' counter row, and a 'street' or 'full'
-- histogram row, would hold about one case each (a city of 40 streets has ~25 cases a street a day at
-- 1 M cases over three years), so those days are read from the cases instead (stats-rollup.repo.ts).
-- Keep the two lists (here and ROLLUP_STORES there) the same.
-- Rows whose counts fall back to zero (a case moved to another key) stay; readers skip them, a rebuild drops them.

-- The deployment time zone that defines "local day": the server sets it to its TZ setting at start-up and
-- rebuilds the rollup when it changed (syncStatsRollupTimeZone); until then stats read the cases.
CREATE TABLE stats_rollup_settings (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  time_zone text NOT NULL
);
INSERT INTO stats_rollup_settings (time_zone) VALUES ('Asia/Shanghai');

CREATE TABLE stats_rollup (
  grain          text NOT NULL CHECK (grain IN ('day', 'month')),
  slice          text NOT NULL CHECK (slice IN ('district', 'street', 'full')),
  district_id    integer,
  street_id      integer,
  period_start   date NOT NULL,
  category_code  text,
  unit_id        integer,
  -- A handler's unit sees a case only once it is dispatched: the handler scope filters on this key.
  was_dispatched boolean,
  received       integer NOT NULL,
  registered     integer NOT NULL,
  dispatched     integer NOT NULL,
  closed         integer NOT NULL,
  closed_on_time integer NOT NULL,
  closed_late    integer NOT NULL,
  reworked       integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (grain, slice, district_id, street_id, period_start, category_code, unit_id, was_dispatched)
);
CREATE INDEX stats_rollup_district ON stats_rollup (grain, slice, district_id, period_start);
CREATE INDEX stats_rollup_street ON stats_rollup (grain, slice, street_id, period_start);
CREATE INDEX stats_rollup_unit ON stats_rollup (grain, unit_id, period_start) WHERE slice = 'full';

-- Closed cases by hours to close, in buckets 5% wide: bucket 0 holds under a minute, bucket k >= 1 holds
-- [1 min * 1.05^(k-1), 1 min * 1.05^k). sum_us keeps the exact total so a bucket's mean is known.
CREATE TABLE stats_rollup_hours (
  grain          text NOT NULL CHECK (grain IN ('day', 'month')),
  slice          text NOT NULL CHECK (slice IN ('district', 'street', 'full')),
  district_id    integer,
  street_id      integer,
  period_start   date NOT NULL,
  category_code  text,
  unit_id        integer,
  was_dispatched boolean,
  bucket         integer NOT NULL,
  n              integer NOT NULL,
  sum_us         bigint NOT NULL,
  UNIQUE NULLS NOT DISTINCT (grain, slice, district_id, street_id, period_start, category_code, unit_id, was_dispatched, bucket)
);
CREATE INDEX stats_rollup_hours_district ON stats_rollup_hours (grain, slice, district_id, period_start);
CREATE INDEX stats_rollup_hours_street ON stats_rollup_hours (grain, slice, street_id, period_start);
CREATE INDEX stats_rollup_hours_unit ON stats_rollup_hours (grain, unit_id, period_start) WHERE slice = 'full';

-- The days read from the cases, by district and by unit (cases_street and cases_created serve the rest).
CREATE INDEX stats_cases_district ON cases (district_id, created_at);
CREATE INDEX stats_cases_unit ON cases (unit_id, created_at) WHERE dispatched_at IS NOT NULL;

-- Due and overdue for cases still open depend on `now`, so they are counted at query time from these few
-- rows: one small index per way the rollup filters (everything, a district, a street, a unit).
CREATE INDEX stats_open_dispatched ON cases (created_at) WHERE dispatched_at IS NOT NULL AND status <> 'closed';
CREATE INDEX stats_open_dispatched_district ON cases (district_id, created_at) WHERE dispatched_at IS NOT NULL AND status <> 'closed';
CREATE INDEX stats_open_dispatched_street ON cases (street_id, created_at) WHERE dispatched_at IS NOT NULL AND status <> 'closed';
CREATE INDEX stats_open_dispatched_unit ON cases (unit_id, created_at) WHERE dispatched_at IS NOT NULL AND status <> 'closed';

-- The histogram bucket of a time to close in microseconds (see stats_rollup_hours).
-- In float8: numeric logarithms would cost more than the rest of a query over the cases.
CREATE FUNCTION stats_hours_bucket(us bigint) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN us < 60000000 THEN 0 ELSE 1 + floor(ln(us::float8 / 60000000) / ln(1.05::float8))::int END
$$;

-- The statement that adds the contribution of `source` — a row set with every cases column and `sign`
-- (+1 or -1) — to both tables. The triggers pass their transition tables; the rebuild passes the whole
-- cases table. One definition for both keeps the trigger-maintained state equal to a rebuild. It returns
-- text for the caller to EXECUTE, because transition tables are visible only in the trigger function itself.
CREATE FUNCTION stats_rollup_apply_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT format($sql$
    WITH facts AS (
      SELECT c.sign, (c.created_at AT TIME ZONE s.time_zone)::date AS day,
             c.district_id, c.street_id, c.category_code, c.unit_id, c.dispatched_at IS NOT NULL AS was_dispatched,
             (c.registered_at IS NOT NULL
               OR c.status IN ('registered', 'dispatched', 'in_progress', 'rectified', 'closed'))::int AS registered,
             (c.status = 'closed')::int AS closed,
             ((c.status = 'closed' AND c.closed_at <= c.due_at) IS TRUE)::int AS closed_on_time,
             ((c.status = 'closed' AND c.closed_at > c.due_at) IS TRUE)::int AS closed_late,
             (c.status = 'closed' AND c.rework_count > 0)::int AS reworked,
             CASE WHEN c.status = 'closed' THEN (extract(epoch FROM c.closed_at - c.created_at) * 1000000)::bigint END AS us
      FROM %s c CROSS JOIN stats_rollup_settings s),
    keyed AS (
      SELECT f.*, g.grain, g.period_start, sl.slice,
             CASE WHEN sl.slice <> 'district' THEN f.street_id END AS k_street,
             CASE WHEN sl.slice = 'full' THEN f.category_code END AS k_category,
             CASE WHEN sl.slice = 'full' THEN f.unit_id END AS k_unit,
             CASE WHEN sl.slice = 'full' THEN f.was_dispatched END AS k_dispatched
      FROM facts f
      CROSS JOIN LATERAL (VALUES ('day', f.day), ('month', date_trunc('month', f.day)::date)) g (grain, period_start)
      CROSS JOIN (VALUES ('district'), ('street'), ('full')) sl (slice)),
    counters AS (
      INSERT INTO stats_rollup AS r (grain, slice, district_id, street_id, period_start, category_code, unit_id, was_dispatched,
                                     received, registered, dispatched, closed, closed_on_time, closed_late, reworked)
      SELECT * FROM (
        SELECT grain, slice, district_id, k_street, period_start, k_category, k_unit, k_dispatched,
               sum(sign)::int AS received, sum(sign * registered)::int AS registered,
               sum(sign * was_dispatched::int)::int AS dispatched, sum(sign * closed)::int AS closed,
               sum(sign * closed_on_time)::int AS closed_on_time, sum(sign * closed_late)::int AS closed_late,
               sum(sign * reworked)::int AS reworked
        FROM keyed WHERE grain = 'month' OR slice <> 'full' GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) d
      -- An update that changes nothing counted (a supervision, a version bump) writes nothing.
      WHERE (received, registered, dispatched, closed, closed_on_time, closed_late, reworked) <> (0, 0, 0, 0, 0, 0, 0)
      -- Key order, so two writers take the row locks in the same order.
      ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
      ON CONFLICT (grain, slice, district_id, street_id, period_start, category_code, unit_id, was_dispatched) DO UPDATE SET
        received = r.received + EXCLUDED.received, registered = r.registered + EXCLUDED.registered,
        dispatched = r.dispatched + EXCLUDED.dispatched, closed = r.closed + EXCLUDED.closed,
        closed_on_time = r.closed_on_time + EXCLUDED.closed_on_time, closed_late = r.closed_late + EXCLUDED.closed_late,
        reworked = r.reworked + EXCLUDED.reworked
      RETURNING 1)
    INSERT INTO stats_rollup_hours AS h (grain, slice, district_id, street_id, period_start, category_code, unit_id, was_dispatched,
                                         bucket, n, sum_us)
    SELECT * FROM (
      SELECT grain, slice, district_id, k_street, period_start, k_category, k_unit, k_dispatched,
             stats_hours_bucket(us) AS bucket,
             sum(sign)::int AS n, sum(sign * us)::bigint AS sum_us
      FROM keyed WHERE us IS NOT NULL AND (grain = 'month' OR slice = 'district') GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9) d
    WHERE (n, sum_us) <> (0, 0)
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (grain, slice, district_id, street_id, period_start, category_code, unit_id, was_dispatched, bucket) DO UPDATE SET
      n = h.n + EXCLUDED.n, sum_us = h.sum_us + EXCLUDED.sum_us
  $sql$, source)
$fn$;

CREATE FUNCTION stats_rollup_on_cases() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE stats_rollup_apply_sql(CASE TG_OP
    WHEN 'INSERT' THEN '(SELECT n.*, 1 AS sign FROM stats_new n)'
    WHEN 'DELETE' THEN '(SELECT o.*, -1 AS sign FROM stats_old o)'
    ELSE '(SELECT o.*, -1 AS sign FROM stats_old o UNION ALL SELECT n.*, 1 FROM stats_new n)'
  END);
  RETURN NULL;
END;
$fn$;

-- Statement-level with transition tables: a bulk update is one rollup write, not one per row.
CREATE TRIGGER stats_rollup_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_on_cases();
CREATE TRIGGER stats_rollup_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_on_cases();
CREATE TRIGGER stats_rollup_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_on_cases();

-- Recomputes both tables from cases. Case writers wait meanwhile, so none is counted twice or missed.
CREATE FUNCTION stats_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  LOCK TABLE cases IN SHARE MODE;
  TRUNCATE stats_rollup, stats_rollup_hours;
  EXECUTE stats_rollup_apply_sql('(SELECT c.*, 1 AS sign FROM cases c)');
END;
$fn$;

SELECT stats_rollup_rebuild();
