-- A case row changes only together with its history: every UPDATE of a case by the serving role must
-- be matched by a case_events row for that case written in the same transaction (actions, add-report
-- and intake all write one). Checked at COMMIT, so the order of the two statements does not matter.
-- Owners and superusers (migrations, seeds, tests that set up data) are not checked: they can drop
-- the trigger anyway.
CREATE FUNCTION case_change_needs_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(current_user, 'xuncha_owner', 'MEMBER') THEN RETURN NULL; END IF;
  IF NOT EXISTS (SELECT FROM case_events e WHERE e.tx_id = pg_current_xact_id() AND e.case_id = NEW.id) THEN
    RAISE EXCEPTION 'case % changed without a case event', NEW.id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER cases_change_needs_event
  AFTER INSERT OR UPDATE ON cases DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION case_change_needs_event();
