-- The city-wide index of open dispatched cases had the same predicate as the district, street and unit
-- ones, and the planner preferred it for area statements too: it read every open case of the period and
-- filtered (13 ms at 1 M cases, against 5–7 ms through the area's own index). Its predicate now carries an
-- always-true clause (id > 0) that only the city-wide statement states, so each area statement uses its
-- own index and the city-wide one still has its index.
DROP INDEX stats_open_dispatched;
CREATE INDEX stats_open_dispatched_citywide ON cases (created_at) WHERE dispatched_at IS NOT NULL AND status <> 'closed' AND id > 0;
