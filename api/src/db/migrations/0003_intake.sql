-- Report intake: where a case's location came from, its photos' storage keys,
-- human-readable case codes, and idempotent retries from phones on weak networks.
ALTER TABLE cases
  ADD COLUMN exif_location      geometry(Point, 4326),
  ADD COLUMN device_location    geometry(Point, 4326),
  ADD COLUMN device_accuracy_m  real CHECK (device_accuracy_m IS NULL OR device_accuracy_m >= 0),
  ADD COLUMN patrol_id          bigint;
CREATE INDEX cases_open_category ON cases (category_code, created_at) WHERE status NOT IN ('closed', 'rejected', 'merged');

ALTER TABLE photos
  ADD COLUMN uploaded_by    integer REFERENCES users (id),
  ADD COLUMN original_key   text NOT NULL,
  ADD COLUMN display_key    text NOT NULL,
  ADD COLUMN display_mime   text NOT NULL,
  ADD COLUMN display_width  integer NOT NULL,
  ADD COLUMN display_height integer NOT NULL,
  ADD COLUMN thumb_key      text NOT NULL,
  ADD COLUMN thumb_mime     text NOT NULL,
  ADD COLUMN thumb_width    integer NOT NULL,
  ADD COLUMN thumb_height   integer NOT NULL,
  ADD COLUMN position       smallint NOT NULL DEFAULT 0;
-- The orphan sweep asks, key by key, whether any photo still refers to a stored file.
CREATE INDEX photos_original_key ON photos (original_key);
CREATE INDEX photos_display_key ON photos (display_key);
CREATE INDEX photos_thumb_key ON photos (thumb_key);

-- One row per day: the last sequence number used in XC-YYYYMMDD-NNNN codes.
CREATE TABLE case_code_counters (
  day  date PRIMARY KEY,
  last integer NOT NULL
);

-- A retried POST with the same key from the same user replays the first answer.
CREATE TABLE idempotency_keys (
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status_code  integer,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
