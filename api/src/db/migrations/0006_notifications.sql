-- Live updates and the inbox: a commit-safe reading order for case events, and the
-- notifications table that is both the outbox (written with the event) and each user's inbox.

-- A bigserial id is taken at INSERT, not at COMMIT: with several writers, event 11 can be
-- visible before event 10 is. A reader that remembered "after 11" would skip 10 for ever.
-- So readers take only events whose transaction is older than every transaction still running
-- (pg_snapshot_xmin), in (tx_id, id) order; see live.repo.ts. Existing rows share one tx_id.
ALTER TABLE case_events ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX case_events_position ON case_events (tx_id, id);

CREATE TABLE notifications (
  id         bigserial PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  case_id    bigint NOT NULL REFERENCES cases (id),
  -- The event that caused it; null for the overdue sweep, which no event causes.
  event_id   bigint REFERENCES case_events (id),
  kind       text NOT NULL CHECK (kind IN ('dispatched', 'rework', 'recheck_due', 'returned', 'supervised', 'overdue')),
  -- For 'overdue': the deadline that passed. A new deadline (re-dispatch) may be missed anew.
  due_at     timestamptz,
  -- Frozen when written: the inbox shows what was true then, in both languages.
  title_zh   text NOT NULL,
  title_en   text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at    timestamptz,
  CHECK (kind = 'overdue' OR event_id IS NOT NULL),
  CHECK (kind <> 'overdue' OR due_at IS NOT NULL)
);
-- Retries and concurrent sweeps in several processes insert with ON CONFLICT DO NOTHING:
-- one notification per user per event, and one per user per case per missed deadline.
CREATE UNIQUE INDEX notifications_once_per_event ON notifications (event_id, kind, user_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX notifications_once_per_deadline ON notifications (case_id, due_at, user_id) WHERE kind = 'overdue';
CREATE INDEX notifications_inbox ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL;
