using System.Diagnostics;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Store;
using Boundaries.Store.GeoPackage;
using Boundaries.Store.PostGis;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;
using NetTopologySuite.Geometries;
using Npgsql;

namespace Boundaries.Viewer.Tests.Sources;

/// <summary>
/// <c>serve --store</c>: the API over a store reloads after a change set committed through the store (GeoPackage polled,
/// PostGIS LISTEN/NOTIFY), answers the new code, and still answers the old one for an earlier <c>at=</c> date.
/// </summary>
public sealed class StoreSourceTests : IDisposable
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);
    private static readonly DateOnly Y2020 = new(2020, 1, 1);
    private static readonly DateOnly Y2023 = new(2023, 7, 1);
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-serve-store-").FullName;

    [Fact]
    public async Task GeoPackageStoreChangeIsServedAfterReloadAndOldDateStillAnswered()
    {
        var store = new GeoPackageBoundaryStore(Path.Combine(_dir, "store.gpkg"), new StoreOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        await store.InitializeAsync();
        await CheckReloadAsync(store, new GeoPackageBoundaryStore(store.Location));
    }

    [Fact]
    public async Task PostGisStoreChangeIsServedAfterNotifyAndOldDateStillAnswered()
    {
        var cs = FreshPostGisDatabase();
        var store = new PostGisBoundaryStore(cs);
        await store.InitializeAsync();
        await CheckReloadAsync(store, new PostGisBoundaryStore(cs));
    }

    private static async Task CheckReloadAsync(IBoundaryStore served, IBoundaryStore writer)
    {
        await using var _ = writer;
        await writer.ImportAsync(new DivisionSet([.. City()], CrsCode.Cgcs2000), new ChangeSetInfo("张三", "2020 survey", Y2020));
        await using var host = await BoundariesServer.StartAsync(new StoreBoundarySource(served), new ServerOptions { Urls = "http://127.0.0.1:0" });
        using var http = new HttpClient { BaseAddress = new Uri(host.Urls[0]) };
        // (117.11, 39.05) lies in 002 until the 2023 change gives the strip 117.1–117.12 to 001
        Assert.Equal("120101002", await TownshipAsync(http, ""));

        var reloaded = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Reloaded += v => reloaded.TrySetResult(v);
        var v001 = (await writer.GetDivisionAsync("120101001"))!;
        var v002 = (await writer.GetDivisionAsync("120101002"))!;
        await writer.ApplyAsync(new ChangeSet("王五", "民政部批复 2023-15", Y2023,
        [
            new DivisionChange("120101001", v001.VersionId, v001.Division with { Geometry = Box(117.0, 39.0, 117.12, 39.1) }),
            new DivisionChange("120101002", v002.VersionId, v002.Division with { Geometry = Box(117.12, 39.0, 117.2, 39.1) }),
        ]));
        var finished = await Task.WhenAny(reloaded.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.True(finished == reloaded.Task, "the server did not reload within 20 s of the change set");
        Assert.Equal(2, host.Version);

        Assert.Equal("120101001", await TownshipAsync(http, ""));
        Assert.Equal("120101001", await TownshipAsync(http, "&at=2023-07-01"));
        Assert.Equal("120101002", await TownshipAsync(http, "&at=2023-06-30"));
        Assert.Equal("120101002", await TownshipAsync(http, "&at=2021-01-01"));
    }

    private static async Task<string?> TownshipAsync(HttpClient http, string query)
    {
        var text = await http.GetStringAsync($"/api/v1/locate?lon=117.11&lat=39.05{query}");
        using var json = JsonDocument.Parse(text);
        var level = json.RootElement.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "township");
        return level.GetProperty("code").GetString();
    }

    private static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static IEnumerable<Division> City() =>
    [
        new("120101", "和平区", DivisionLevel.District, "120100", Box(117.0, 39.0, 117.2, 39.2)),
        new("120101001", "劝业场街道", DivisionLevel.Township, "120101", Box(117.0, 39.0, 117.1, 39.1)),
        new("120101002", "小白楼街道", DivisionLevel.Township, "120101", Box(117.1, 39.0, 117.2, 39.1)),
        new("120101003", "五大道街道", DivisionLevel.Township, "120101", Box(117.0, 39.1, 117.1, 39.2)),
        new("120101004", "南市街道", DivisionLevel.Township, "120101", Box(117.1, 39.1, 117.2, 39.2)),
    ];

    /// <summary>A new database with PostGIS on the server <c>scripts/postgis.sh start</c> runs (started when it is not).</summary>
    internal static string FreshPostGisDatabase()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Boundaries.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("Boundaries.sln not found");
        }
        var info = new ProcessStartInfo("bash", ["scripts/postgis.sh", "start"]) { WorkingDirectory = root, RedirectStandardOutput = true };
        using var p = Process.Start(info)!;
        var admin = p.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"scripts/postgis.sh start failed ({p.ExitCode}); PostGIS is required for this test");
        var name = "boundaries_serve_test_" + Guid.NewGuid().ToString("N")[..12];
        Execute(admin, $"CREATE DATABASE {name}");
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        Execute(cs, "CREATE EXTENSION postgis; CREATE EXTENSION btree_gist;");
        return cs;
    }

    private static void Execute(string cs, string sql)
    {
        using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { Pooling = false }.ToString());
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
    }
}
