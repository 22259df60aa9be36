-- A problem fixed on the spot (马上办) waits for a dispatcher's confirmation: a notification kind of its own.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('dispatched', 'rework', 'recheck_due', 'confirm_due', 'returned', 'supervised', 'overdue'));
