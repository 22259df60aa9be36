-- Map clusters: case counts per Web-Mercator grid cell and zoom, kept exact by triggers on cases,
-- so a whole-city viewport reads a few thousand small rows instead of grouping a million cases.
--
-- The grid: at zoom z the world is 256·2^z pixels wide; a cell is 64 px, so there are 4·2^z cells
-- per axis. gx = floor(x·4·2^z), gy = floor(y·4·2^z) with x, y the Mercator position in [0, 1).
-- Zooms 0..17 are stored (map_cells_zmax()); deeper viewports are small enough to group at query time.
-- Only zoom 17 is computed from the point: coarser cells are its cells shifted right (gx >> (17 - z)),
-- which is exact because each zoom doubles the same float, and keeps every zoom nested in the next.
--
-- Two tables, because a coarse viewport must touch few rows:
--   map_cells         (z, gx, gy, area_key, status): admin, street/district scopes, status and area filters
--   map_cells_detail  (… + category_code, unit_key): the category filter and the handler scope
-- area_key is the street, else the district, else 0 (unassigned): a street scope is one key, a district
-- scope is the district and its streets. unit_key is the unit once dispatched, else 0: the handler scope.
-- Each row carries n and integer sums of lon·1e7, lat·1e7 and the case ids: a count-weighted centroid,
-- and the id of the only case when n = 1. Integer sums stay exact under any sequence of +1/-1.
-- Rows that fall to n = 0 are kept (a cell's "submitted" row empties and refills all day); readers skip
-- them and a rebuild drops them.
--
-- Locking: the triggers are per statement, with transition tables. Every change of a statement,
-- old rows as −1 and new rows as +1, is summed per key and written by one INSERT … ON CONFLICT in
-- key order, detail table before map_cells; so two writers always take row locks in the same order
-- and cannot deadlock on them. (Two transactions that each change several cases in separate
-- statements could still cross; the API changes one case per statement and transaction.)
-- A statement that changes nothing the grid sees writes nothing.
-- Hot rows: at zooms below ~9 a city is one or two cells, so each (street, status) row there is shared
-- by every write in that street. The lock is held only to the end of the writing transaction (a few ms),
-- and writes come at human speed (a few per second in a busy city), so waits stay short. Spreading a hot
-- row over N sub-rows would cost N times the rows read by every coarse viewport, which is the hot path.

CREATE FUNCTION map_cells_zmax() RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 17 $$;

-- Mercator x in [0, 1): longitude clamped to the world.
CREATE FUNCTION map_norm_x(lon float8) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest((lon + 180.0) / 360.0, 0.0), 0.9999999999999999)
$$;

-- Mercator y in [0, 1), north at 0: latitude clamped to ±85.0511° as web maps do.
CREATE FUNCTION map_norm_y(lat float8) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest(0.5 - ln((1.0 + s) / (1.0 - s)) / (4.0 * pi()), 0.0), 0.9999999999999999)
  FROM (SELECT sin(radians(least(greatest(lat, -85.0511287798), 85.0511287798))) AS s) t
$$;

-- The cell index of a Mercator position at zoom z (4·2^z cells per axis).
CREATE FUNCTION map_cell(norm float8, z integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(norm * (4::bigint << z))::integer
$$;

-- A coordinate in 1e-7 degrees (about 1 cm), so sums are exact integers.
CREATE FUNCTION map_e7(deg float8) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT round(deg * 1e7)::bigint
$$;

CREATE TABLE map_cells_detail (
  z             smallint NOT NULL,
  gx            integer NOT NULL,
  gy            integer NOT NULL,
  area_key      integer NOT NULL,
  status        text NOT NULL,
  category_code text NOT NULL,
  unit_key      integer NOT NULL,
  n             integer NOT NULL,
  sum_x7        bigint NOT NULL,
  sum_y7        bigint NOT NULL,
  sum_id        bigint NOT NULL,
  PRIMARY KEY (z, gx, gy, area_key, status, category_code, unit_key)
);
-- A category filter or a handler reads only its own rows of each cell (measured: 11–20 ms → 4–6 ms
-- for a whole-city viewport at 1 M cases).
CREATE INDEX map_cells_detail_category ON map_cells_detail (z, category_code, gx, gy);
CREATE INDEX map_cells_detail_unit ON map_cells_detail (z, unit_key, gx, gy) WHERE unit_key <> 0;

CREATE TABLE map_cells (
  z        smallint NOT NULL,
  gx       integer NOT NULL,
  gy       integer NOT NULL,
  area_key integer NOT NULL,
  status   text NOT NULL,
  n        integer NOT NULL,
  sum_x7   bigint NOT NULL,
  sum_y7   bigint NOT NULL,
  sum_id   bigint NOT NULL,
  PRIMARY KEY (z, gx, gy, area_key, status)
);

-- One case as the grid sees it, counted +1 (as it is now) or −1 (as it was).
CREATE TYPE map_cells_change AS (
  gx integer, gy integer, area_key integer, status text, category_code text, unit_key integer,
  sign integer, x7 bigint, y7 bigint, id bigint
);

CREATE FUNCTION map_cells_change_of(c cases, sign integer) RETURNS map_cells_change LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(map_cell(map_norm_x(ST_X(c.location)), map_cells_zmax()), map_cell(map_norm_y(ST_Y(c.location)), map_cells_zmax()),
             COALESCE(c.street_id, c.district_id, 0), c.status, c.category_code,
             CASE WHEN c.dispatched_at IS NULL THEN 0 ELSE COALESCE(c.unit_id, 0) END,
             sign, sign * map_e7(ST_X(c.location)), sign * map_e7(ST_Y(c.location)), sign * c.id)::map_cells_change
$$;

-- Applies one statement's changes: summed per key at every zoom, written in key order, detail table first.
CREATE FUNCTION map_cells_apply(changes map_cells_change[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO map_cells_detail AS m (z, gx, gy, area_key, status, category_code, unit_key, n, sum_x7, sum_y7, sum_id)
  SELECT z, c.gx >> (map_cells_zmax() - z), c.gy >> (map_cells_zmax() - z), c.area_key, c.status, c.category_code, c.unit_key,
         sum(c.sign), sum(c.x7), sum(c.y7), sum(c.id)
  FROM unnest(changes) c CROSS JOIN generate_series(0, map_cells_zmax()) AS z
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(c.sign) <> 0 OR sum(c.x7) <> 0 OR sum(c.y7) <> 0 OR sum(c.id) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (z, gx, gy, area_key, status, category_code, unit_key) DO UPDATE
    SET n = m.n + excluded.n, sum_x7 = m.sum_x7 + excluded.sum_x7, sum_y7 = m.sum_y7 + excluded.sum_y7, sum_id = m.sum_id + excluded.sum_id;
  INSERT INTO map_cells AS m (z, gx, gy, area_key, status, n, sum_x7, sum_y7, sum_id)
  SELECT z, c.gx >> (map_cells_zmax() - z), c.gy >> (map_cells_zmax() - z), c.area_key, c.status,
         sum(c.sign), sum(c.x7), sum(c.y7), sum(c.id)
  FROM unnest(changes) c CROSS JOIN generate_series(0, map_cells_zmax()) AS z
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(c.sign) <> 0 OR sum(c.x7) <> 0 OR sum(c.y7) <> 0 OR sum(c.id) <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (z, gx, gy, area_key, status) DO UPDATE
    SET n = m.n + excluded.n, sum_x7 = m.sum_x7 + excluded.sum_x7, sum_y7 = m.sum_y7 + excluded.sum_y7, sum_id = m.sum_id + excluded.sum_id;
END;
$$;

-- Transition tables are visible only in the trigger function itself, so it gathers the changes.
CREATE FUNCTION map_cells_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM map_cells_apply(ARRAY(SELECT map_cells_change_of(w, 1) FROM new_rows w));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM map_cells_apply(ARRAY(SELECT map_cells_change_of(o, -1) FROM old_rows o));
  ELSE
    -- Most updates (version, notes, supervision) change nothing the grid sees; their +1 and −1
    -- would cancel anyway, but skipping them here costs no write at all.
    PERFORM map_cells_apply(ARRAY(
      SELECT ch FROM old_rows o JOIN new_rows w ON w.id = o.id
      CROSS JOIN LATERAL (VALUES (map_cells_change_of(w, 1)), (map_cells_change_of(o, -1))) AS v(ch)
      WHERE (ST_X(o.location), ST_Y(o.location), o.status, o.category_code, o.street_id, o.district_id, o.unit_id, o.dispatched_at IS NULL)
            IS DISTINCT FROM
            (ST_X(w.location), ST_Y(w.location), w.status, w.category_code, w.street_id, w.district_id, w.unit_id, w.dispatched_at IS NULL)));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER cases_map_cells_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION map_cells_on_change();
CREATE TRIGGER cases_map_cells_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION map_cells_on_change();
CREATE TRIGGER cases_map_cells_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION map_cells_on_change();

-- Recomputes both tables from cases: the finest zoom from the points, each coarser zoom from the one
-- below it (one statement per zoom). One call is one transaction. Bulk loaders disable the triggers,
-- load, then call this. The detail table is locked before map_cells, as the triggers do.
CREATE FUNCTION map_cells_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  zmax constant integer := map_cells_zmax();
BEGIN
  TRUNCATE map_cells_detail, map_cells;
  INSERT INTO map_cells_detail (z, gx, gy, area_key, status, category_code, unit_key, n, sum_x7, sum_y7, sum_id)
  SELECT zmax, map_cell(map_norm_x(ST_X(location)), zmax), map_cell(map_norm_y(ST_Y(location)), zmax),
         COALESCE(street_id, district_id, 0), status, category_code,
         CASE WHEN dispatched_at IS NULL THEN 0 ELSE COALESCE(unit_id, 0) END,
         count(*), sum(map_e7(ST_X(location))), sum(map_e7(ST_Y(location))), sum(id)
  FROM cases
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
  FOR zoom IN REVERSE zmax - 1 .. 0 LOOP
    INSERT INTO map_cells_detail (z, gx, gy, area_key, status, category_code, unit_key, n, sum_x7, sum_y7, sum_id)
    SELECT zoom, gx >> 1, gy >> 1, area_key, status, category_code, unit_key, sum(n), sum(sum_x7), sum(sum_y7), sum(sum_id)
    FROM map_cells_detail WHERE z = zoom + 1
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
  END LOOP;
  FOR zoom IN 0 .. zmax LOOP
    INSERT INTO map_cells (z, gx, gy, area_key, status, n, sum_x7, sum_y7, sum_id)
    SELECT zoom, gx, gy, area_key, status, sum(n), sum(sum_x7), sum(sum_y7), sum(sum_id)
    FROM map_cells_detail WHERE z = zoom
    GROUP BY 1, 2, 3, 4, 5;
  END LOOP;
  ANALYZE map_cells_detail;
  ANALYZE map_cells;
END;
$$;

SELECT map_cells_rebuild();
