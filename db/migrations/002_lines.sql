-- 002: boundary lines (versioned like divisions, optimistic concurrency by version), nodes per topology build,
-- markers, survey observations and validation findings. Geometries are CGCS2000 lon/lat (EPSG:4490).
CREATE TABLE boundaries.lines (
  version_id  bigserial PRIMARY KEY,
  code        text NOT NULL CHECK (code <> ''),
  level       text NOT NULL CHECK (level IN ('province', 'prefecture', 'district', 'township', 'community')),
  left_code   text,
  right_code  text,
  geom        geometry(LineString, 4490) NOT NULL,
  length_m    double precision NOT NULL,
  valid_from  date,
  valid_to    date,
  created_by  bigint NOT NULL REFERENCES boundaries.change_sets (id),
  closed_by   bigint REFERENCES boundaries.change_sets (id),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from < valid_to),
  CONSTRAINT lines_no_overlap EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
);
CREATE INDEX lines_geom_gist ON boundaries.lines USING gist (geom);
CREATE UNIQUE INDEX lines_one_open ON boundaries.lines (code) WHERE valid_to IS NULL;

CREATE TABLE boundaries.nodes (
  id              bigserial PRIMARY KEY,
  level           text NOT NULL,
  geom            geometry(Point, 4490) NOT NULL,
  degree          integer NOT NULL,
  divisions       text[] NOT NULL,
  touches_outside boolean NOT NULL,
  valid_from      date,
  valid_to        date,
  created_by      bigint NOT NULL REFERENCES boundaries.change_sets (id),
  closed_by       bigint REFERENCES boundaries.change_sets (id)
);
CREATE INDEX nodes_geom_gist ON boundaries.nodes USING gist (geom);
CREATE INDEX nodes_level_open ON boundaries.nodes (level) WHERE valid_to IS NULL;

CREATE TABLE boundaries.markers (
  id          bigserial PRIMARY KEY,
  number      text NOT NULL CHECK (number <> ''),
  type        text NOT NULL,
  line_code   text NOT NULL,
  geom        geometry(Point, 4490) NOT NULL,
  height_m    double precision,
  sigma_m     double precision,
  surveyed_on date,
  created_by  bigint NOT NULL REFERENCES boundaries.change_sets (id),
  closed_by   bigint REFERENCES boundaries.change_sets (id)
);
CREATE INDEX markers_geom_gist ON boundaries.markers USING gist (geom);
CREATE UNIQUE INDEX markers_one_current ON boundaries.markers (number) WHERE closed_by IS NULL;

CREATE TABLE boundaries.survey_points (
  id          bigserial PRIMARY KEY,
  name        text,
  geom        geometry(Point, 4490) NOT NULL,
  height_m    double precision,
  sigma_m     double precision,
  observed_at timestamptz,
  source      text NOT NULL,
  created_by  bigint NOT NULL REFERENCES boundaries.change_sets (id)
);
CREATE INDEX survey_points_geom_gist ON boundaries.survey_points USING gist (geom);
CREATE INDEX survey_points_name ON boundaries.survey_points (name);

CREATE TABLE boundaries.findings (
  id            bigserial PRIMARY KEY,
  change_set_id bigint NOT NULL REFERENCES boundaries.change_sets (id),
  code          text NOT NULL,
  severity      text NOT NULL,
  divisions     text[] NOT NULL,
  geom          geometry(Geometry, 4490) NOT NULL,
  measure       double precision,
  measure_unit  text NOT NULL,
  message       text NOT NULL
);
CREATE INDEX findings_change_set ON boundaries.findings (change_set_id);
CREATE INDEX findings_geom_gist ON boundaries.findings USING gist (geom);
