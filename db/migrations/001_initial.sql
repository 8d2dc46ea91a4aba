-- 001: divisions versioned by validity period, change sets, audit log, locate().
-- Geometries are CGCS2000 lon/lat (EPSG:4490). valid_to is exclusive; NULL valid_from = since always,
-- NULL valid_to = still in force.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE boundaries.change_sets (
  id             bigserial PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('import', 'change')),
  author         text NOT NULL CHECK (author <> ''),
  reason         text NOT NULL CHECK (reason <> ''),
  effective_date date,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE boundaries.divisions (
  version_id  bigserial PRIMARY KEY,
  code        text NOT NULL CHECK (code <> ''),
  level       text NOT NULL CHECK (level IN ('province', 'prefecture', 'district', 'township', 'community')),
  name        text NOT NULL,
  parent_code text,
  geom        geometry(Geometry, 4490) NOT NULL
              CHECK (ST_GeometryType(geom) IN ('ST_Polygon', 'ST_MultiPolygon')),
  valid_from  date,
  valid_to    date,
  attributes  jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by  bigint NOT NULL REFERENCES boundaries.change_sets (id),
  closed_by   bigint REFERENCES boundaries.change_sets (id),
  row_version integer NOT NULL DEFAULT 1,
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from < valid_to),
  -- no two versions of one division are in force on the same day
  CONSTRAINT divisions_no_overlap EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
);
CREATE INDEX divisions_geom_gist ON boundaries.divisions USING gist (geom);
CREATE INDEX divisions_code ON boundaries.divisions (code, valid_from);
CREATE UNIQUE INDEX divisions_one_open ON boundaries.divisions (code) WHERE valid_to IS NULL;
CREATE INDEX divisions_level_period ON boundaries.divisions USING gist (level, daterange(valid_from, valid_to, '[)'));

CREATE TABLE boundaries.audit (
  id             bigserial PRIMARY KEY,
  change_set_id  bigint NOT NULL REFERENCES boundaries.change_sets (id),
  code           text NOT NULL,
  action         text NOT NULL CHECK (action IN ('create', 'replace', 'retire')),
  before_version bigint REFERENCES boundaries.divisions (version_id),
  after_version  bigint REFERENCES boundaries.divisions (version_id)
);
CREATE INDEX audit_code ON boundaries.audit (code);
CREATE INDEX audit_change_set ON boundaries.audit (change_set_id);

-- The divisions of every level that cover (lon, lat) on at_date, top level first.
CREATE FUNCTION boundaries.locate(lon double precision, lat double precision, at_date date DEFAULT current_date)
RETURNS TABLE (level text, code text, name text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT d.level, d.code, d.name
  FROM boundaries.divisions d
  WHERE ST_Covers(d.geom, ST_SetSRID(ST_MakePoint(lon, lat), 4490))
    AND daterange(d.valid_from, d.valid_to, '[)') @> at_date
  ORDER BY array_position(ARRAY['province', 'prefecture', 'district', 'township', 'community'], d.level), d.code
$$;
