using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Store.PostGis;
using Boundaries.Store.Tests.Support;
using Npgsql;

namespace Boundaries.Store.Tests.PostGis;

/// <summary>What only the PostGIS store has: migrations, indexes, locate(), and a connection killed mid-COPY.</summary>
public sealed class PostGisSpecificTests
{
    [Fact]
    public async Task MigrationsAreRecordedAndRunOnce()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        await store.InitializeAsync();
        Assert.Equal(1L, PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.schema_migrations WHERE version = 1 AND name = 'initial'"));
        Assert.Equal(PostGisMigrator.All.Length, (int)(long)PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.schema_migrations")!);
        Assert.Equal("gist", PostGisServer.Scalar(cs,
            "SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam WHERE c.relname = 'divisions_geom_gist'"));
        Assert.Equal(4490, PostGisServer.Scalar(cs, "SELECT Find_SRID('boundaries', 'divisions', 'geom')"));
    }

    [Fact]
    public async Task LocateReturnsOneRowPerLevelAsOfTheDate()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        await store.ImportAsync(Sample.City(), new ChangeSetInfo("a", "b", new DateOnly(2020, 1, 1)));
        await store.ImportAsync(Sample.Changed2023(), new ChangeSetInfo("a", "c", new DateOnly(2023, 7, 1)));

        // 117.11 E lies in 002 before the 2023 change and in 001 after it (the boxes are made by hand in Sample)
        Assert.Equal(["district 120101 和平区", "township 120101002 小白楼街道"], Locate(cs, 117.11, 39.05, "2022-01-01"));
        Assert.Equal(["district 120101 和平区", "township 120101001 劝业场街道"], Locate(cs, 117.11, 39.05, "2024-01-01"));
        Assert.Empty(Locate(cs, 117.11, 39.05, "2019-01-01"));
        Assert.Empty(Locate(cs, 100.0, 30.0, "2024-01-01"));
        // a point on the outer edge is covered (ST_Covers, not ST_Contains)
        Assert.Equal(["district 120101 和平区", "township 120101001 劝业场街道"], Locate(cs, 117.0, 39.05, "2024-01-01"));
    }

    [Fact]
    public async Task ConnectionKilledMidCopyLeavesNothingAndRetrySucceeds()
    {
        var cs = PostGisServer.CreateDatabase();
        await using var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        var big = Sample.Many(3000, 400);
        var database = new NpgsqlConnectionStringBuilder(cs).Database!;

        var import = Task.Run(() => store.ImportAsync(big, new ChangeSetInfo("a", "bulk", new DateOnly(2020, 1, 1))));
        var killed = false;
        for (var i = 0; i < 400 && !import.IsCompleted && !killed; i++)
        {
            var n = PostGisServer.Scalar(PostGisServer.AdminConnectionString,
                $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{database}' AND query LIKE 'COPY staging%'");
            killed = (long)n! > 0;
            await Task.Delay(10);
        }
        Assert.True(killed, "the COPY finished before it could be killed; make the load bigger");
        await Assert.ThrowsAsync<StoreUnavailableException>(() => import);

        Assert.Equal(0L, PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.divisions"));
        Assert.Equal(0L, PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.change_sets"));
        Assert.Equal(0L, PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.audit"));

        var retry = await store.ImportAsync(big, new ChangeSetInfo("a", "bulk again", new DateOnly(2020, 1, 1)));
        Assert.Equal(3000, retry.Created);
        Assert.Equal(3000L, PostGisServer.Scalar(cs, "SELECT count(*) FROM boundaries.divisions"));
    }

    private static List<string> Locate(string cs, double lon, double lat, string date)
    {
        using var c = new NpgsqlConnection(cs);
        c.Open();
        using var command = new NpgsqlCommand("SELECT level, code, name FROM boundaries.locate($1, $2, $3::date)", c);
        command.Parameters.AddWithValue(lon);
        command.Parameters.AddWithValue(lat);
        command.Parameters.AddWithValue(date);
        using var r = command.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add($"{r.GetString(0)} {r.GetString(1)} {r.GetString(2)}");
        }
        return rows;
    }
}
