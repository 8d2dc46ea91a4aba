using Boundaries.Cli;
using Boundaries.Geo.Formats;
using Boundaries.Store.Tests.Support;

namespace Boundaries.Store.Tests.Cli;

/// <summary>
/// <c>boundaries store init|push|pull|history</c> run in-process through <see cref="BoundariesApp.Run(string[], TextWriter, TextWriter)"/>,
/// against a GeoPackage file and a PostGIS database. Inputs are GeoJSON written by hand here.
/// </summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-store-cli-").FullName;

    public static TheoryData<string> Stores => ["gpkg", "postgis"];

    [Theory]
    [MemberData(nameof(Stores))]
    public void InitPushPullHistoryRoundTrip(string kind)
    {
        var store = kind == "gpkg" ? Path.Combine(_dir, "store.gpkg") : PostGisServer.CreateDatabase();
        Assert.Equal(0, Run(out _, out var initErr, "store", "init", "--store", store));
        Assert.Contains("store ready", initErr, StringComparison.Ordinal);

        var v1 = Write("v1.geojson", Feature("120101", "和平区", "district", "120100", 117.0, 117.2),
            Feature("120101001", "劝业场街道", "township", "120101", 117.0, 117.1), Feature("120101002", "小白楼街道", "township", "120101", 117.1, 117.2));
        Assert.Equal(0, Run(out var push1, out _, "store", "push", v1, "--store", store, "--author", "张三", "--reason", "2020 survey", "--effective", "2020-01-01"));
        Assert.Equal("change set 1: 3 created, 0 replaced, 0 retired, 0 unchanged", push1.Trim());

        var v2 = Write("v2.geojson", Feature("120101001", "劝业场街道", "township", "120101", 117.0, 117.12), Feature("120101002", "小白楼街道", "township", "120101", 117.12, 117.2));
        Assert.Equal(0, Run(out var push2, out _, "--lang", "zh", "store", "push", v2, "--store", store, "--author", "李四", "--reason", "民政部批复", "--effective", "2023-07-01"));
        Assert.Equal("变更集 2：新增 0，替换 2，撤销 0，未变 0", push2.Trim());

        var old = Path.Combine(_dir, "2022.geojson");
        Assert.Equal(0, Run(out var pullOut, out var pullErr, "store", "pull", "--store", store, "--output", old, "--at", "2022-01-01"));
        Assert.Equal("", pullOut);
        Assert.Contains("3 divisions in force on 2022-01-01", pullErr, StringComparison.Ordinal);
        var read = DivisionFiles.Read(old).Set.Divisions.ToDictionary(d => d.Code);
        Assert.Equal(3, read.Count);
        Assert.True(read["120101001"].Geometry.EqualsExact(Sample.Box(117.0, 39.0, 117.1, 39.1)));
        Assert.Equal(new DateOnly(2023, 7, 1), read["120101001"].ValidTo);

        var now = Path.Combine(_dir, "now.gpkg");
        Assert.Equal(0, Run(out _, out _, "store", "pull", "--store", store, "-o", now));
        Assert.True(DivisionFiles.Read(now).Set.Divisions.Single(d => d.Code == "120101001").Geometry.EqualsExact(Sample.Box(117.0, 39.0, 117.12, 39.1)));

        Assert.Equal(0, Run(out var history, out _, "store", "history", "120101001", "--store", store));
        var lines = history.Trim().Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("change set 1  effective 2020-01-01  张三: 2020 survey", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^  version \d+  2020-01-01 – 2023-07-01  劝业场街道$", lines[1]);
        Assert.StartsWith("change set 2  effective 2023-07-01  李四: 民政部批复", lines[2], StringComparison.Ordinal);
        Assert.Matches(@"^  version \d+  2023-07-01 – …  劝业场街道$", lines[3]);

        Assert.Equal(0, Run(out var json, out _, "--format", "json", "store", "history", "120101001", "--store", store));
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(2, doc.RootElement.GetProperty("versions").GetArrayLength());
        Assert.Equal("民政部批复", doc.RootElement.GetProperty("change_sets")[1].GetProperty("reason").GetString());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void BadRecordIsExitTwoAndWritesNothing(string kind)
    {
        var store = kind == "gpkg" ? Path.Combine(_dir, "store.gpkg") : PostGisServer.CreateDatabase();
        Assert.Equal(0, Run(out _, out _, "store", "init", "--store", store));
        var dup = Write("dup.geojson", Feature("120101001", "a", "township", "120101", 117.0, 117.1), Feature("120101001", "b", "township", "120101", 117.1, 117.2));
        Assert.Equal(2, Run(out var stdout, out var err, "store", "push", dup, "--store", store, "--effective", "2020-01-01"));
        Assert.Equal("", stdout);
        Assert.Contains("nothing was written", err, StringComparison.Ordinal);
        Assert.Contains("#1 (120101001)", err, StringComparison.Ordinal);
        Assert.Equal(1, Run(out _, out var none, "store", "history", "120101001", "--store", store));
        Assert.Contains("no division 120101001", none, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreachableDatabaseIsExitThree()
    {
        var v1 = Write("v1.geojson", Feature("120101001", "a", "township", "120101", 117.0, 117.1));
        Assert.Equal(3, Run(out _, out var err, "store", "push", v1, "--store", "Host=127.0.0.1;Port=1;Username=postgres;Database=x;Timeout=2"));
        Assert.Contains("error (environment): postgresql://127.0.0.1:1/x", err, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreThatIsNeitherFileNorConnectionIsUsageError()
    {
        Assert.Equal(2, Run(out _, out var err, "store", "init", "--store", "store.sqlite"));
        Assert.Contains("neither a .gpkg path nor a PostgreSQL connection string", err, StringComparison.Ordinal);
        Assert.Equal(2, Run(out _, out _, "store", "pull", "--store", Path.Combine(_dir, "x.gpkg")));
    }

    private static int Run(out string stdout, out string stderr, params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = BoundariesApp.Run(args, o, e);
        stdout = o.ToString();
        stderr = e.ToString();
        return code;
    }

    private string Write(string name, params string[] features)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}");
        return path;
    }

    private static string Feature(string code, string name, string level, string parent, double x0, double x1)
    {
        var ring = FormattableString.Invariant($"[[{x0},39.0],[{x1},39.0],[{x1},39.1],[{x0},39.1],[{x0},39.0]]");
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level
            + "\",\"parent\":\"" + parent + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
