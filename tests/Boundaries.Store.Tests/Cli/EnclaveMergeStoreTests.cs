using System.Text.Json;
using Boundaries.Cli;
using Boundaries.Geo.Model;
using Boundaries.Store.Tests.Support;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Tests.Cli;

/// <summary>
/// <c>enclaves plan --merge-surrounded</c> then <c>enclaves apply --store</c> on both stores: the surrounded township's
/// version is closed on the effective date and the host's new version (hole filled) starts that day, in one change
/// set; the day before both old versions are in force, from the effective date the merged code is gone.
/// </summary>
public sealed class EnclaveMergeStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-store-merge-").FullName;

    public static TheoryData<string> Stores => ["gpkg", "postgis"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task MergeOfASurroundedTownship_ClosesItsVersion_AndWritesTheHost_InOneChangeSet(string kind)
    {
        var store = kind == "gpkg" ? Path.Combine(_dir, "store.gpkg") : PostGisServer.CreateDatabase();
        // district 120101 = [117.0, 117.2] × [39.0, 39.1]; township 001 the west half with a hole, 002 the hole, 003 the east half
        var city = Write("city.geojson",
            Feature("120101", "和平区", "district", "120100", $"[{Ring(117.0, 39.0, 117.2, 39.1, 117.1)}]"),
            Feature("120101001", "劝业场街道", "township", "120101", $"[{Ring(117.0, 39.0, 117.1, 39.1)},{Ring(117.04, 39.04, 117.06, 39.06)}]"),
            Feature("120101002", "小白楼街道", "township", "120101", $"[{Ring(117.04, 39.04, 117.06, 39.06)}]"),
            Feature("120101003", "五大道街道", "township", "120101", $"[{Ring(117.1, 39.0, 117.2, 39.1)}]"));
        Assert.Equal(0, Run(out _, out var initErr, "store", "init", "--store", store));
        Assert.Equal(0, Run(out _, out var pushErr, "store", "push", city, "--store", store, "--effective", "2020-01-01"));

        var plan = Path.Combine(_dir, "plan.json");
        Assert.True(Run(out _, out var planErr, "enclaves", "plan", city, "--level", "township", "--merge-surrounded", "--output", plan) == 0, planErr);
        using (var planDoc = JsonDocument.Parse(File.ReadAllText(plan)))
        {
            var change = Assert.Single(planDoc.RootElement.GetProperty("changes").EnumerateArray());
            Assert.Equal(("Merge", "120101002", "120101001"), (change.GetProperty("kind").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString()));
        }

        var exit = Run(out var json, out var err, "--lang", "zh-CN", "--format", "json", "enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01",
            "--output", Path.Combine(_dir, "new.geojson"), "--store", store, "--author", "民政局", "--reason", "津政函〔2025〕3号");
        Assert.True(exit == 0, err);
        Assert.Contains("120101002 撤销（并入 120101001）", err, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(json);
        var changeSet = result.RootElement.GetProperty("change_set").GetInt64();
        // the receipt counts the merged township as retired and the host as replaced
        Assert.Contains($"变更集 {changeSet}：新增 0，替换 1，撤销 1，未变 0", err, StringComparison.Ordinal);
        Assert.Equal(["120101002"], result.RootElement.GetProperty("retired").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(["120101001"], result.RootElement.GetProperty("changed").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());

        await using var s = BoundaryStore.Open(store);
        var before = (await s.GetDivisionsAsync(new DateOnly(2024, 12, 31), DivisionLevel.Township)).ToDictionary(d => d.Division.Code);
        var after = (await s.GetDivisionsAsync(new DateOnly(2025, 1, 1), DivisionLevel.Township)).ToDictionary(d => d.Division.Code);
        Assert.Equal(["120101001", "120101002", "120101003"], before.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["120101001", "120101003"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, ((Polygon)before["120101001"].Division.Geometry).NumInteriorRings);
        var host = after["120101001"].Division.Geometry;
        Assert.Equal(0, Assert.IsType<Polygon>(host).NumInteriorRings);
        Assert.Equal(0.01, host.Area, 1e-9); // the whole 0.1° × 0.1° square
        Assert.Equal(before["120101003"].VersionId, after["120101003"].VersionId);

        // the same change set closes the merged township's version and creates the host's
        var merged = await s.GetHistoryAsync("120101002");
        var version = Assert.Single(merged.Versions);
        Assert.Equal(new DateOnly(2025, 1, 1), version.Division.ValidTo);
        Assert.Equal(changeSet, version.ClosedBy);
        var hostHistory = await s.GetHistoryAsync("120101001");
        Assert.Equal(2, hostHistory.Versions.Length);
        Assert.Contains(hostHistory.Versions, v => v.CreatedBy == changeSet && v.Division.ValidFrom == new DateOnly(2025, 1, 1) && v.Division.ValidTo is null);
        Assert.Contains(hostHistory.Versions, v => v.ClosedBy == changeSet && v.Division.ValidTo == new DateOnly(2025, 1, 1));
        Assert.Null(await s.GetDivisionAsync("120101002", new DateOnly(2025, 1, 1)));
        Assert.NotNull(await s.GetDivisionAsync("120101002", new DateOnly(2024, 12, 31)));
    }

    private static string Ring(double x0, double y0, double x1, double y1, double? mid = null) => mid is { } m
        ? FormattableString.Invariant($"[[{x0},{y0}],[{m},{y0}],[{x1},{y0}],[{x1},{y1}],[{m},{y1}],[{x0},{y1}],[{x0},{y0}]]")
        : FormattableString.Invariant($"[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]");

    private static string Feature(string code, string name, string level, string parent, string rings) =>
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level
        + "\",\"parent\":\"" + parent + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + rings + "}}";

    private string Write(string name, params string[] features)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}");
        return path;
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

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
