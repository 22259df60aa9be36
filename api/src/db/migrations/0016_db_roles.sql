-- Least privilege: the tables belong to xuncha_owner, and requests are served as xuncha_app, which may
-- read and write rows but not TRUNCATE, ALTER, disable triggers or set session_replication_role
-- (only owners and superusers can). An operator may create both roles as LOGIN roles beforehand
-- (README, "Database roles"); otherwise they are created here without a login, and the app switches
-- to xuncha_app on every serving connection.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'xuncha_owner') THEN CREATE ROLE xuncha_owner NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'xuncha_app') THEN CREATE ROLE xuncha_app NOLOGIN; END IF;
END $$;

-- Hand every object of this schema to the owner, except what belongs to an extension (PostGIS).
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.oid, c.relkind, format('%I.%I', n.nspname, c.relname) AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
      AND c.relowner <> 'xuncha_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO xuncha_owner',
      CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END,
      r.name);
  END LOOP;
  -- Sequences a column owns moved with their table; any others move here.
  FOR r IN
    SELECT format('%I.%I', n.nspname, c.relname) AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner <> 'xuncha_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a'))
  LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO xuncha_owner', r.name);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS sig, p.prokind
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.proowner <> 'xuncha_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO xuncha_owner', CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.sig);
  END LOOP;
  FOR r IN
    SELECT t.oid::regtype AS name, t.typtype
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND t.typowner <> 'xuncha_owner'::regrole
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO xuncha_owner', CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, r.name);
  END LOOP;
END $$;

-- Later migrations run as xuncha_owner (migrate.ts), so it must be able to create in the schema.
GRANT USAGE, CREATE ON SCHEMA public TO xuncha_owner;
GRANT USAGE ON SCHEMA public TO xuncha_app;

-- The app reads and writes rows. TRUNCATE, REFERENCES and TRIGGER are never granted.
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relowner = 'xuncha_owner'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  LOOP
    IF r.relkind = 'S' THEN EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO xuncha_app', r.name);
    ELSIF r.relkind IN ('v', 'm') THEN EXECUTE format('GRANT SELECT ON %s TO xuncha_app', r.name);
    ELSE EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO xuncha_app', r.name);
    END IF;
  END LOOP;
END $$;
-- Tables a later migration creates get the same grants; a migration that wants less revokes it there.
ALTER DEFAULT PRIVILEGES FOR ROLE xuncha_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO xuncha_app;
ALTER DEFAULT PRIVILEGES FOR ROLE xuncha_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO xuncha_app;

-- History is appended, never rewritten (the trigger of 0001 says so too, but an owner can drop a trigger).
REVOKE UPDATE, DELETE ON case_events FROM xuncha_app;
-- Cases are closed, rejected or merged, never deleted.
REVOKE DELETE ON cases FROM xuncha_app;
-- The migrator's bookkeeping: the app only checks it.
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM xuncha_app;
