-- The holiday calendar behind working-day deadlines: public holidays, and China's make-up
-- working days (调休) that fall on weekends. Admins enter each year's State Council notice;
-- nothing country-specific is seeded here.
CREATE TABLE holidays (
  date       date PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  -- The festival the day belongs to, such as 国庆节.
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A make-up working day only means something on a Saturday or Sunday.
  CHECK (kind <> 'workday' OR extract(isodow FROM date) IN (6, 7))
);
