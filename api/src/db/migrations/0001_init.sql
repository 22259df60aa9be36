-- The core domain: areas and rivers, categories and time limits, units, users and sessions,
-- cases with their append-only events and photos. SRID 4326 (WGS-84) everywhere.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE app_meta (
  key   text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The grid hierarchy: district 区 → street 街道 → community 社区 → grid 网格 → micro-grid 微网格.
CREATE TABLE areas (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid', 'micro_grid')),
  parent_id   integer REFERENCES areas (id) ON DELETE RESTRICT,
  -- Ancestor ids from the root down, self excluded: subtree filters need no recursion.
  ancestor_ids integer[] NOT NULL DEFAULT '{}',
  geom        geometry(MultiPolygon, 4326) NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NOT NULL OR level = 'district'),
  CHECK (ST_IsValid(geom))
);
CREATE INDEX areas_geom_gist ON areas USING gist (geom);
CREATE INDEX areas_parent ON areas (parent_id);
CREATE INDEX areas_level ON areas (level);
CREATE INDEX areas_ancestors ON areas USING gin (ancestor_ids);

-- Responsible units 责任单位: property companies, cleaning contractors, communities, water, urban management.
CREATE TABLE units (
  id         serial PRIMARY KEY,
  code       text NOT NULL UNIQUE,
  name       text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('property', 'cleaning', 'community', 'water', 'urban_management', 'fire', 'other')),
  area_id    integer REFERENCES areas (id),
  phone      text,
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE categories (
  code              text PRIMARY KEY,
  domain            text NOT NULL CHECK (domain IN ('river', 'fire')),
  name_zh           text NOT NULL,
  name_en           text NOT NULL,
  icon              text NOT NULL,
  default_severity  text NOT NULL DEFAULT 'general' CHECK (default_severity IN ('general', 'serious', 'major')),
  -- Reports of this category closer than this are offered as possible duplicates.
  duplicate_radius_m integer NOT NULL DEFAULT 30 CHECK (duplicate_radius_m > 0),
  sort_order        integer NOT NULL DEFAULT 0,
  active            boolean NOT NULL DEFAULT true
);

-- Time limits 处置时限 by category × severity; the clock starts at dispatch.
CREATE TABLE time_limits (
  category_code text NOT NULL REFERENCES categories (code) ON DELETE CASCADE,
  severity      text NOT NULL CHECK (severity IN ('general', 'serious', 'major')),
  amount        integer NOT NULL CHECK (amount > 0),
  unit          text NOT NULL CHECK (unit IN ('hours', 'working_days')),
  PRIMARY KEY (category_code, severity)
);

-- Which unit takes which category in which area by default; a null category covers the rest.
CREATE TABLE area_units (
  area_id       integer NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  category_code text REFERENCES categories (code) ON DELETE CASCADE,
  unit_id       integer NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (area_id, category_code)
);

CREATE TABLE users (
  id            serial PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username = lower(username) AND length(username) BETWEEN 2 AND 64),
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('admin', 'dispatcher', 'handler', 'inspector', 'supervisor')),
  area_id       integer REFERENCES areas (id),
  unit_id       integer REFERENCES units (id),
  phone         text,
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'handler' OR unit_id IS NOT NULL),
  CHECK (role = 'admin' OR role = 'handler' OR area_id IS NOT NULL)
);

-- River segments 河段, each with its river chief 河长 and required patrol frequency.
CREATE TABLE river_segments (
  id               serial PRIMARY KEY,
  code             text NOT NULL UNIQUE,
  river_name       text NOT NULL,
  name             text NOT NULL,
  chief_user_id    integer REFERENCES users (id),
  chief_name       text,
  patrol_every_days integer NOT NULL DEFAULT 7 CHECK (patrol_every_days > 0),
  area_id          integer REFERENCES areas (id),
  geom             geometry(LineString, 4326) NOT NULL,
  CHECK (ST_IsValid(geom))
);
CREATE INDEX river_segments_geom_gist ON river_segments USING gist (geom);

-- Logins. Only a hash of the token is stored, so a read of this table cannot be replayed.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins per key (user name or client address), to slow down guessing.
CREATE TABLE login_failures (
  key        text PRIMARY KEY,
  failures   integer NOT NULL,
  last_at    timestamptz NOT NULL
);

CREATE TABLE cases (
  id               bigserial PRIMARY KEY,
  code             text NOT NULL UNIQUE,
  category_code    text NOT NULL REFERENCES categories (code),
  severity         text NOT NULL CHECK (severity IN ('general', 'serious', 'major')),
  status           text NOT NULL CHECK (status IN ('submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'closed', 'rejected', 'merged')),
  handling_mode    text CHECK (handling_mode IN ('on_the_spot', 'consultation', 'joint')),
  description      text NOT NULL DEFAULT '',
  location         geometry(Point, 4326) NOT NULL,
  location_source  text NOT NULL CHECK (location_source IN ('exif', 'device', 'manual')),
  -- The deepest area that covers the point, and its ancestors, for fast filtering.
  area_id          integer REFERENCES areas (id),
  micro_grid_id    integer REFERENCES areas (id),
  grid_id          integer REFERENCES areas (id),
  community_id     integer REFERENCES areas (id),
  street_id        integer REFERENCES areas (id),
  district_id      integer REFERENCES areas (id),
  unit_id          integer REFERENCES units (id),
  reporter_id      integer REFERENCES users (id),
  flags            text[] NOT NULL DEFAULT '{}',
  rework_count     integer NOT NULL DEFAULT 0,
  version          integer NOT NULL DEFAULT 1,
  merged_into_id   bigint REFERENCES cases (id),
  observed_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  dispatched_at    timestamptz,
  due_at           timestamptz,
  closed_at        timestamptz
);
CREATE INDEX cases_location_gist ON cases USING gist (location);
CREATE INDEX cases_status ON cases (status);
CREATE INDEX cases_street ON cases (street_id, created_at);
CREATE INDEX cases_micro_grid ON cases (micro_grid_id);
CREATE INDEX cases_unit ON cases (unit_id) WHERE unit_id IS NOT NULL;
CREATE INDEX cases_created ON cases (created_at);

-- Every change to a case, append-only: the timeline is rebuilt from these rows.
CREATE TABLE case_events (
  id          bigserial PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases (id),
  action      text NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  actor_id    integer REFERENCES users (id),
  actor_role  text,
  note        text,
  payload     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER case_events_append_only
  BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

CREATE TABLE photos (
  id          uuid PRIMARY KEY,
  case_id     bigint NOT NULL REFERENCES cases (id),
  event_id    bigint REFERENCES case_events (id),
  -- before: the report; after: the rectification; recheck: the inspector's visit.
  stage       text NOT NULL CHECK (stage IN ('before', 'after', 'recheck')),
  sha256      text NOT NULL,
  mime        text NOT NULL,
  bytes       integer NOT NULL,
  width       integer NOT NULL,
  height      integer NOT NULL,
  exif_location geometry(Point, 4326),
  taken_at    timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX photos_case ON photos (case_id);
CREATE INDEX photos_sha256 ON photos (sha256);
