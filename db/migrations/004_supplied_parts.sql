-- 004: a writer may supply the parts of a new version itself, in the same transaction, just before inserting the
-- version (the store's bulk import cuts them in C# with PolygonSubdivider while the data streams in, instead of one
-- ST_Subdivide after another on the server). The foreign key from a part to its version can then be checked at commit.
-- The insert trigger cuts, as before, every added version that arrived without parts (single edits, change sets,
-- hand-made INSERTs), and refuses the statement when any added version's parts do not add up to its area.
-- Coordinates do not compress; left to the default, pglz still tries on every geometry written (measured: ~0.6 s for
-- a whole city of a million vertices, each time the geometries are written). A whole division is stored out of line
-- anyway; applies to the rows written from now on. Parts keep the default: at ~2 kB they stay in the row, and moved
-- out of line (EXTERNAL) every ST_Covers would first fetch them from the TOAST table (the 1 M-point join 1.6x slower).
ALTER TABLE boundaries.divisions ALTER COLUMN geom SET STORAGE EXTERNAL;

ALTER TABLE boundaries.division_parts ALTER CONSTRAINT division_parts_version_id_fkey DEFERRABLE INITIALLY IMMEDIATE;

CREATE OR REPLACE FUNCTION boundaries.division_parts_added() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  INSERT INTO boundaries.division_parts (version_id, geom)
  SELECT a.version_id, p.geom
  FROM added a, LATERAL boundaries.division_parts_of(a.geom) p(geom)
  WHERE NOT EXISTS (SELECT 1 FROM boundaries.division_parts s WHERE s.version_id = a.version_id);

  SELECT a.version_id, a.code, ST_Area(a.geom) AS whole, coalesce(s.area, 0) AS parts INTO bad
  FROM added a
  LEFT JOIN LATERAL (SELECT sum(ST_Area(p.geom)) AS area FROM boundaries.division_parts p WHERE p.version_id = a.version_id) s ON true
  WHERE NOT ST_IsEmpty(a.geom) AND (s.area IS NULL OR abs(s.area - ST_Area(a.geom)) > 1e-9 * ST_Area(a.geom))
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'the parts of division % (version %) cover % square degrees, the division %', bad.code, bad.version_id, bad.parts, bad.whole
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
