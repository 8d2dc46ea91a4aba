namespace Boundaries.Store.Tests.PostGis;

/// <summary>
/// Compares <c>boundaries.locate</c> (through <c>division_parts</c>) with PostGIS ST_Covers on the whole stored
/// polygons in force on a date, for pseudo-random points over the stored extent, vertices of the stored polygons and
/// midpoints of their edges that are exactly on the edge (points on boundaries, where a cut part could lose them).
/// </summary>
internal static class PartsOracle
{
    /// <summary>(points whose chains differ, points inside some division, points asked).</summary>
    public static (long Differing, long Inside, long Asked) Compare(string cs, DateOnly at, int randomPoints = 3000, int boundaryPoints = 600)
    {
        var date = at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var row = Support.PostGisServer.Scalar(cs, $"""
            CREATE TEMP TABLE probe AS
              SELECT i, ST_XMin(e) - 0.01 + random_x * (ST_XMax(e) - ST_XMin(e) + 0.02) AS x,
                        ST_YMin(e) - 0.01 + random_y * (ST_YMax(e) - ST_YMin(e) + 0.02) AS y
              FROM (SELECT ST_Extent(geom)::geometry AS e FROM boundaries.divisions) ext,
                   LATERAL (SELECT i, abs(hashint8(i)) % 1000003 / 1000003.0 AS random_x,
                                   abs(hashint8(i + 7777777)) % 1000003 / 1000003.0 AS random_y
                            FROM generate_series(1, {randomPoints}) i) r;
            INSERT INTO probe
              SELECT 10000000 + row_number() OVER (), ST_X(v.geom), ST_Y(v.geom)
              FROM (SELECT (ST_DumpPoints(geom)).geom FROM boundaries.divisions ORDER BY version_id) v
              ORDER BY md5(ST_AsText(v.geom)) LIMIT {boundaryPoints};
            INSERT INTO probe
              SELECT 20000000 + row_number() OVER (), (ST_X(s.a) + ST_X(s.b)) / 2, (ST_Y(s.a) + ST_Y(s.b)) / 2
              FROM (SELECT ST_PointN(r, n) AS a, ST_PointN(r, n + 1) AS b
                    FROM (SELECT ST_ExteriorRing((ST_Dump(geom)).geom) AS r FROM boundaries.divisions ORDER BY version_id) q,
                         LATERAL generate_series(1, ST_NPoints(r) - 1) n) s
              -- only midpoints that are exactly on their edge (both sums exact in binary floating point)
              WHERE (ST_X(s.a) + ST_X(s.b)) - ST_X(s.a) = ST_X(s.b) AND (ST_Y(s.a) + ST_Y(s.b)) - ST_Y(s.a) = ST_Y(s.b)
              ORDER BY md5(ST_AsText(s.a)) LIMIT {boundaryPoints};
            WITH through_parts AS (
                   SELECT p.i, string_agg(l.level || ' ' || l.code, ',' ORDER BY l.level, l.code) AS chain
                   FROM probe p, LATERAL boundaries.locate(p.x, p.y, DATE '{date}') l GROUP BY p.i),
                 whole AS (
                   SELECT p.i, string_agg(d.level || ' ' || d.code, ',' ORDER BY d.level, d.code) AS chain
                   FROM probe p JOIN boundaries.divisions d ON ST_Covers(d.geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4490))
                     AND daterange(d.valid_from, d.valid_to, '[)') @> DATE '{date}'
                   GROUP BY p.i)
            SELECT count(*) FILTER (WHERE a.chain IS DISTINCT FROM b.chain) || ' ' || count(b.chain) || ' ' || count(*)
            FROM probe p LEFT JOIN through_parts a ON a.i = p.i LEFT JOIN whole b ON b.i = p.i
            """)!.ToString()!.Split(' ').Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (row[0], row[1], row[2]);
    }

    /// <summary>Versions whose parts are missing, invalid, over 128 points, or do not add up to the version's area.</summary>
    public static long BadVersions(string cs) => (long)Support.PostGisServer.Scalar(cs, """
        SELECT count(*) FROM boundaries.divisions d
        LEFT JOIN LATERAL (SELECT count(*) AS n, sum(ST_Area(p.geom)) AS area, bool_and(ST_IsValid(p.geom)) AS valid,
                                  max(ST_NPoints(p.geom)) AS points
                           FROM boundaries.division_parts p WHERE p.version_id = d.version_id) s ON true
        WHERE s.n = 0 OR NOT s.valid OR s.points > 128 OR abs(s.area - ST_Area(d.geom)) > 1e-9 * ST_Area(d.geom)
        """)!;
}
