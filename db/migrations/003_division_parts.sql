-- 003: each division version cut into small parts (ST_Subdivide, at most 128 vertices each) with a GiST index, so
-- that locate() tests a point against a few small parts instead of whole polygons of thousands of vertices.
-- Kept in sync by triggers on boundaries.divisions (insert, change of geom); deleting a version deletes its parts.
CREATE TABLE boundaries.division_parts (
  id         bigserial PRIMARY KEY,
  version_id bigint NOT NULL REFERENCES boundaries.divisions (version_id) ON DELETE CASCADE,
  geom       geometry(Polygon, 4490) NOT NULL
);

CREATE FUNCTION boundaries.division_parts_of(g geometry)
RETURNS SETOF geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT s FROM ST_Subdivide(g, 128) s WHERE ST_GeometryType(s) = 'ST_Polygon'
$$;

INSERT INTO boundaries.division_parts (version_id, geom)
SELECT d.version_id, p.geom FROM boundaries.divisions d, LATERAL boundaries.division_parts_of(d.geom) p(geom);

CREATE INDEX division_parts_geom_gist ON boundaries.division_parts USING gist (geom);
CREATE INDEX division_parts_version ON boundaries.division_parts (version_id);

-- Inserted versions (statement level: one pass over the rows a COPY-fed INSERT … SELECT added).
CREATE FUNCTION boundaries.division_parts_added() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO boundaries.division_parts (version_id, geom)
  SELECT a.version_id, p.geom FROM added a, LATERAL boundaries.division_parts_of(a.geom) p(geom);
  RETURN NULL;
END
$$;
CREATE TRIGGER division_parts_insert AFTER INSERT ON boundaries.divisions
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION boundaries.division_parts_added();

-- A version whose geometry is rewritten in place (the store does not do this today; a hand-made UPDATE might).
CREATE FUNCTION boundaries.division_parts_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM boundaries.division_parts WHERE version_id = OLD.version_id;
  INSERT INTO boundaries.division_parts (version_id, geom)
  SELECT NEW.version_id, p.geom FROM boundaries.division_parts_of(NEW.geom) p(geom);
  RETURN NULL;
END
$$;
CREATE TRIGGER division_parts_update AFTER UPDATE OF geom, version_id ON boundaries.divisions
  FOR EACH ROW EXECUTE FUNCTION boundaries.division_parts_changed();

-- The divisions of every level that cover (lon, lat) on at_date, top level first: the parts' GiST index finds the
-- few small parts whose box holds the point, ST_Covers tests them, the date filter picks the version in force.
CREATE OR REPLACE FUNCTION boundaries.locate(lon double precision, lat double precision, at_date date DEFAULT current_date)
RETURNS TABLE (level text, code text, name text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT d.level, d.code, d.name
  FROM boundaries.divisions d
  WHERE d.version_id IN (
          SELECT p.version_id FROM boundaries.division_parts p
          WHERE ST_Covers(p.geom, ST_SetSRID(ST_MakePoint(lon, lat), 4490)))
    AND daterange(d.valid_from, d.valid_to, '[)') @> at_date
  ORDER BY array_position(ARRAY['province', 'prefecture', 'district', 'township', 'community'], d.level), d.code
$$;
