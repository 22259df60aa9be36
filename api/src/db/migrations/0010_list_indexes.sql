-- The case list pages newest first inside one area (a scope or the area filter), or inside one
-- reporter's cases (我的上报). Each filter now tests the one column of its area's level, so an index on
-- (that column, created_at) walks straight to a page instead of reading the area's every case.
-- Streets (cases_street) and districts (stats_cases_district) have theirs; handlers' units use
-- stats_cases_unit.
CREATE INDEX cases_community_created ON cases (community_id, created_at);
CREATE INDEX cases_grid_created ON cases (grid_id, created_at);
CREATE INDEX cases_micro_grid_created ON cases (micro_grid_id, created_at);
DROP INDEX cases_micro_grid;
CREATE INDEX cases_reporter_created ON cases (reporter_id, created_at);
-- A street office's open work (its street and a few states) is the commonest list of all.
CREATE INDEX cases_street_status_created ON cases (street_id, status, created_at);
DROP INDEX cases_reporter;
