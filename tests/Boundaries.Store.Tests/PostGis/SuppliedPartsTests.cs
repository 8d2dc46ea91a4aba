using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;
using Npgsql;

namespace Boundaries.Store.Tests.PostGis;

/// <summary>
/// Migration 004 and the store's own parts: imports and change sets cut each new version in C# (PolygonSubdivider) and
/// write the parts with it; versions inserted by hand still get theirs from the trigger (ST_Subdivide). Whichever cut
/// them, locate through the parts must answer exactly as ST_Covers on the whole polygons, at every date.
/// </summary>
public sealed class SuppliedPartsTests
{
    private static readonly string SampleCity = Path.Combine(RepoRoot.Path, "data", "sample", "tianjin-small.gpkg");
    private static readonly DateOnly Y2020 = new(2020, 1, 1);

    private static DivisionSet City() => DivisionImporter.Import(SampleCity).In(CrsCode.Cgcs2000);

    [Fact]
    public async Task ImportWritesThePartsCutInProcessAndTheyTileEachDivision()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        var city = City();
        await store.ImportAsync(city, new ChangeSetInfo("a", "sample", Y2020));

        // The stored parts are the C# cutter's (its count, not ST_Subdivide's), none was declined, and they are small.
        var cut = PostGisBoundaryStore.CutParts(city);
        Assert.All(cut, parts => Assert.NotNull(parts));
        Assert.Equal(cut.Sum(p => p!.Length), (long)PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.division_parts")!);
        Assert.True(cut.Sum(p => p!.Length) > 3 * city.Divisions.Length);
        Assert.Equal(0L, PartsOracle.BadVersions(cs));
        // Their union is the division (PostGIS overlay as the oracle): what is left over either way is rounding dust.
        Assert.Equal(0L, PostGisServer.Scalar(cs, """
            SELECT count(*) FROM boundaries.divisions d
            WHERE ST_Area(ST_SymDifference(d.geom, (SELECT ST_Union(p.geom) FROM boundaries.division_parts p WHERE p.version_id = d.version_id)))
                  > 1e-12 * ST_Area(d.geom)
            """));

        var (differing, inside, asked) = PartsOracle.Compare(cs, new DateOnly(2024, 1, 1));
        Assert.Equal(0L, differing);
        Assert.Equal(4200L, asked);
        Assert.True(inside >= 2500, $"only {inside} of {asked} probe points inside a division");
    }

    [Fact]
    public async Task LocateStaysExactAfterAnEditAndAfterAnImportThatClosesVersions()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        var city = City();
        await store.ImportAsync(city, new ChangeSetInfo("a", "sample", Y2020));

        // An edit (a change set): a township takes the shape of its whole district.
        var township = city.Divisions.First(d => d.Level == DivisionLevel.Township);
        var district = city.Divisions.First(d => d.Code == township.ParentCode);
        var current = (await store.GetDivisionAsync(township.Code))!;
        await store.ApplyAsync(new ChangeSet("b", "edit", new DateOnly(2022, 1, 1),
            [new DivisionChange(township.Code, current.VersionId, current.Division with { Geometry = district.Geometry })]));
        // The change set wrote the parts itself: the C# cutter's count for that shape.
        Assert.Equal((long)Boundaries.Geo.Subdivide.PolygonSubdivider.Subdivide(district.Geometry, 128)!.Count, (long)PostGisServer.Scalar(cs, $"""
            SELECT count(*) FROM boundaries.division_parts p JOIN boundaries.divisions d USING (version_id)
            WHERE d.code = '{township.Code}' AND d.valid_to IS NULL
            """)!);

        // An import that replaces every other township (each takes its neighbour's shape): those versions close and the
        // new ones come with parts cut in C#.
        var townships = city.Divisions.Where(d => d.Level == DivisionLevel.Township && d.Code != township.Code).ToArray();
        var y2024 = new DateOnly(2024, 1, 1);
        var swapped = townships.Select((d, i) => i % 2 == 0 && i + 1 < townships.Length ? d with { Geometry = townships[i + 1].Geometry, ValidFrom = y2024 } : d);
        var receipt = await store.ImportAsync(new DivisionSet([.. swapped], CrsCode.Cgcs2000), new ChangeSetInfo("c", "swap", y2024));
        Assert.Equal(townships.Length / 2, receipt.Replaced);

        Assert.Equal(0L, PartsOracle.BadVersions(cs));
        foreach (var at in new[] { new DateOnly(2021, 6, 1), new DateOnly(2023, 6, 1), new DateOnly(2025, 6, 1) })
        {
            var (differing, inside, _) = PartsOracle.Compare(cs, at, randomPoints: 2000, boundaryPoints: 400);
            Assert.True(differing == 0, $"{differing} points answered differently on {at}");
            Assert.True(inside >= 1500, $"only {inside} probe points inside a division on {at}");
        }
    }

    [Fact]
    public async Task TheTriggerCutsVersionsWrittenWithoutPartsAndRefusesPartsThatDoNotCover()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        await store.ImportAsync(Sample.City(), new ChangeSetInfo("a", "b", Y2020));
        // A hand-made INSERT brings no parts: the trigger cuts it (ST_Subdivide), as migration 003 did.
        PostGisServer.Execute(cs, """
            INSERT INTO boundaries.divisions (code, level, name, geom, created_by)
            VALUES ('120103', 'district', 'round', ST_SetSRID(ST_Buffer(ST_MakePoint(117.5, 39.5), 0.1, 300), 4490), 1)
            """);
        Assert.True((long)PostGisServer.Scalar(cs, """
            SELECT count(*) FROM boundaries.division_parts p JOIN boundaries.divisions d USING (version_id) WHERE d.code = '120103'
            """)! >= 8);
        Assert.Equal(0L, PartsOracle.BadVersions(cs));
        Assert.Equal(0L, PartsOracle.Compare(cs, new DateOnly(2024, 1, 1), randomPoints: 1000, boundaryPoints: 200).Differing);
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            SET CONSTRAINTS boundaries.division_parts_version_id_fkey DEFERRED;
            CREATE TEMP TABLE id AS SELECT nextval(pg_get_serial_sequence('boundaries.divisions', 'version_id')) AS v;
            INSERT INTO boundaries.division_parts (version_id, geom)
              SELECT v, ST_SetSRID(ST_MakeEnvelope(118, 40, 118.1, 40.1), 4490) FROM id;
            INSERT INTO boundaries.divisions (version_id, code, level, name, geom, created_by)
              SELECT v, '120102', 'district', 'x', ST_SetSRID(ST_MakeEnvelope(118, 40, 118.2, 40.1), 4490), 1 FROM id;
            """, c);
        var e = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.CheckViolation, e.SqlState);
        Assert.Contains("120102", e.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migration004UpgradesAStoreOfMigration003()
    {
        var cs = PostGisServer.CreateDatabase();
        // A store as migration 003 left it, with a division cut by 003's trigger.
        PostGisServer.Execute(cs, """
            CREATE SCHEMA boundaries;
            CREATE TABLE boundaries.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
            """);
        foreach (var migration in PostGisMigrator.All.Where(m => m.Version <= 3))
        {
            PostGisServer.Execute(cs, migration.Sql + $"; INSERT INTO boundaries.schema_migrations (version, name) VALUES ({migration.Version}, '{migration.Name}')");
        }
        PostGisServer.Execute(cs, """
            INSERT INTO boundaries.change_sets (kind, author, reason) VALUES ('import', 'a', 'old');
            INSERT INTO boundaries.divisions (code, level, name, geom, created_by)
              SELECT '120101', 'district', 'old', ST_SetSRID(ST_Buffer(ST_MakePoint(117.1, 39.1), 0.1, 200), 4490), 1;
            """);
        var before = (long)PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.division_parts")!;
        Assert.True(before > 1);

        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        Assert.Equal(4, PostGisServer.Scalar(cs, "SELECT max(version) FROM boundaries.schema_migrations"));
        Assert.Equal(true, PostGisServer.Scalar(cs, "SELECT condeferrable FROM pg_constraint WHERE conname = 'division_parts_version_id_fkey'"));
        Assert.Equal(before, (long)PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.division_parts")!);

        // The upgraded store takes an import (parts supplied) and an edit (parts by the trigger), and stays exact.
        await store.ImportAsync(City(), new ChangeSetInfo("b", "sample", new DateOnly(2021, 1, 1)));
        var old = (await store.GetDivisionAsync("120101", new DateOnly(2021, 6, 1)))!;
        await store.ApplyAsync(new ChangeSet("c", "edit", new DateOnly(2022, 1, 1),
            [new DivisionChange("120101", old.VersionId, old.Division with { Geometry = Sample.Box(117.0, 39.0, 117.2, 39.2) })]));
        Assert.Equal(0L, PartsOracle.BadVersions(cs));
        var (differing, inside, _) = PartsOracle.Compare(cs, new DateOnly(2021, 6, 1), randomPoints: 2000, boundaryPoints: 400);
        Assert.Equal(0L, differing);
        Assert.True(inside >= 1500, $"only {inside} probe points inside a division");
    }
}
