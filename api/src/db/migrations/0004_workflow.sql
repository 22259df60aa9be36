-- The closed loop: supervision (督办) and the moments each case passed through.
ALTER TABLE cases
  ADD COLUMN urgent            boolean NOT NULL DEFAULT false,
  ADD COLUMN supervision_count integer NOT NULL DEFAULT 0,
  ADD COLUMN registered_at     timestamptz,
  ADD COLUMN rectified_at      timestamptz;
-- Overdue and due-soon are computed from these at query time; no cron sets a flag.
CREATE INDEX cases_due ON cases (due_at) WHERE status IN ('dispatched', 'in_progress');
CREATE INDEX cases_merged_into ON cases (merged_into_id) WHERE merged_into_id IS NOT NULL;
CREATE INDEX cases_reporter ON cases (reporter_id);
