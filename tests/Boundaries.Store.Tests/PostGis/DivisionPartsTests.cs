using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;
using Npgsql;

namespace Boundaries.Store.Tests.PostGis;

/// <summary>
/// Migration 003: the subdivided parts behind <c>boundaries.locate</c>. The oracle is PostGIS itself — ST_Covers on
/// the whole stored polygons, as locate() asked before.
/// </summary>
public sealed class DivisionPartsTests
{
    private static readonly string SampleCity = Path.Combine(RepoRoot.Path, "data", "sample", "tianjin-small.gpkg");

    [Fact]
    public async Task LocateThroughPartsEqualsCoversOnWholePolygons()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        await store.ImportAsync(DivisionImporter.Import(SampleCity).In(CrsCode.Cgcs2000), new ChangeSetInfo("a", "sample", new DateOnly(2020, 1, 1)));
        // Parts really are small, so the comparison below goes through cut polygons, not copies of the whole ones.
        Assert.True((long)PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.division_parts")!
            > 2 * (long)PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.divisions")!);
        Assert.True((int)PostGisServer.Scalar(cs, "SELECT max(ST_NPoints(geom)) FROM boundaries.division_parts")! <= 130);

        // 3,000 pseudo-random points (fixed hashes, so every run asks the same) over the widened extent, and 600 vertices of the stored polygons (exactly on boundaries).
        var differences = PostGisServer.Scalar(cs, """
            CREATE TEMP TABLE probe AS
              SELECT i, ST_XMin(e) - 0.01 + random_x * (ST_XMax(e) - ST_XMin(e) + 0.02) AS x,
                        ST_YMin(e) - 0.01 + random_y * (ST_YMax(e) - ST_YMin(e) + 0.02) AS y
              FROM (SELECT ST_Extent(geom)::geometry AS e FROM boundaries.divisions) ext,
                   LATERAL (SELECT i, abs(hashint8(i)) % 1000003 / 1000003.0 AS random_x,
                                   abs(hashint8(i + 7777777)) % 1000003 / 1000003.0 AS random_y
                            FROM generate_series(1, 3000) i) r;
            INSERT INTO probe
              SELECT 100000 + row_number() OVER (), ST_X(v.geom), ST_Y(v.geom)
              FROM (SELECT (ST_DumpPoints(geom)).geom FROM boundaries.divisions ORDER BY version_id) v
              ORDER BY md5(ST_AsText(v.geom)) LIMIT 600;
            WITH through_parts AS (
                   SELECT p.i, string_agg(l.level || ' ' || l.code, ',' ORDER BY l.level, l.code) AS chain
                   FROM probe p, LATERAL boundaries.locate(p.x, p.y, DATE '2024-01-01') l GROUP BY p.i),
                 whole AS (
                   SELECT p.i, string_agg(d.level || ' ' || d.code, ',' ORDER BY d.level, d.code) AS chain
                   FROM probe p JOIN boundaries.divisions d ON ST_Covers(d.geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4490))
                   GROUP BY p.i)
            SELECT count(*) FILTER (WHERE a.chain IS DISTINCT FROM b.chain) || ' ' || count(b.chain) || ' ' || count(*)
            FROM probe p LEFT JOIN through_parts a ON a.i = p.i LEFT JOIN whole b ON b.i = p.i
            """)!.ToString()!.Split(' ').Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0L, differences[0]);
        // The probe must mostly land inside the city (and on its vertices), or agreement proves little.
        Assert.Equal(3600L, differences[2]);
        Assert.True(differences[1] >= 1500, $"only {differences[1]} of 3,600 probe points inside a division");
    }

    [Fact]
    public async Task PartsFollowEveryWrittenVersion()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        await store.ImportAsync(Sample.City(), new ChangeSetInfo("a", "b", new DateOnly(2020, 1, 1)));
        await store.ImportAsync(Sample.Changed2023(), new ChangeSetInfo("a", "c", new DateOnly(2023, 7, 1)));
        // Every version (closed ones too: locate answers past dates) has parts that tile it exactly.
        Assert.Equal(0L, PostGisServer.Scalar(cs, """
            SELECT count(*) FROM boundaries.divisions d
            WHERE NOT EXISTS (SELECT 1 FROM boundaries.division_parts p WHERE p.version_id = d.version_id)
               OR abs(ST_Area(d.geom) - (SELECT sum(ST_Area(p.geom)) FROM boundaries.division_parts p WHERE p.version_id = d.version_id))
                  > 1e-9 * ST_Area(d.geom)
            """));
        Assert.True((long)PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.divisions WHERE valid_to IS NOT NULL")! >= 1);

        // A geometry rewritten by hand is re-cut; a deleted version takes its parts with it.
        PostGisServer.Execute(cs, """
            UPDATE boundaries.divisions SET geom = ST_SetSRID(ST_MakeEnvelope(0, 0, 1, 1), 4490)
            WHERE version_id = (SELECT min(version_id) FROM boundaries.divisions)
            """);
        Assert.Equal("POLYGON((0 0,0 1,1 1,1 0,0 0))", PostGisServer.Scalar(cs, """
            SELECT ST_AsText(ST_Normalize(ST_Union(geom))) FROM boundaries.division_parts
            WHERE version_id = (SELECT min(version_id) FROM boundaries.divisions)
            """));
        using (var c = new NpgsqlConnection(cs))
        {
            c.Open();
            using var delete = new NpgsqlCommand("""
                DELETE FROM boundaries.audit; DELETE FROM boundaries.divisions;
                SELECT count(*) FROM boundaries.division_parts
                """, c);
            Assert.Equal(0L, delete.ExecuteScalar());
        }
    }
}
