using System.Text.Json;
using Boundaries.Cli;
using Boundaries.Store.Survey;
using Boundaries.Store.Tests.Support;
using NetTopologySuite.Geometries;

namespace Boundaries.Store.Tests.Cli;

/// <summary>
/// <c>enclaves plan --markers STORE</c> on both stores: the markers in force in the store are scored; a merge of a
/// surrounded township moves the markers on (and within the tolerance of) its ring, not those on a line that stays,
/// and a marker re-surveyed away from the ring counts at its current position only.
/// </summary>
public sealed class EnclaveMarkersStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-store-markers-").FullName;

    public static TheoryData<string> Stores => ["gpkg", "postgis"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Plan_ScoresTheStoresMarkersInForce(string kind)
    {
        var store = kind == "gpkg" ? Path.Combine(_dir, "store.gpkg") : PostGisServer.CreateDatabase();
        var city = Path.Combine(_dir, "city.geojson");
        File.WriteAllText(city, "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",",
            Feature("120101", "district", "120100", $"[{Ring(117.0, 39.0, 117.2, 39.1, 117.1)}]"),
            Feature("120101001", "township", "120101", $"[{Ring(117.0, 39.0, 117.1, 39.1)},{Ring(117.04, 39.04, 117.06, 39.06)}]"),
            Feature("120101002", "township", "120101", $"[{Ring(117.04, 39.04, 117.06, 39.06)}]"),
            Feature("120101003", "township", "120101", $"[{Ring(117.1, 39.0, 117.2, 39.1)}]")) + "]}");
        Assert.Equal(0, Run(out _, out _, "store", "init", "--store", store));
        await using (var s = BoundaryStore.Open(store))
        {
            var info = new ChangeSetInfo("测量队", "2024 界桩普查");
            await s.SaveMarkersAsync([
                M("1201010001001Q", 117.05, 39.04),          // on the ring's south side
                M("1201010001002Q", 117.06, 39.06),          // the ring's corner
                M("1201010001003Q", 117.05, 39.04 - 4.5e-6), // 0.5 m south of the ring
                M("1201010001004Q", 117.1, 39.05),           // on the line 001|003, which stays
                M("1201010001005Q", 117.04, 39.05),          // on the ring's west side …
            ], info);
            await s.SaveMarkersAsync([M("1201010001005Q", 117.1, 39.02)], new ChangeSetInfo("测量队", "2025 复测")); // … re-surveyed on 001|003
        }

        var plan = Path.Combine(_dir, "plan.json");
        var exit = Run(out _, out var err, "enclaves", "plan", city, "--level", "township", "--merge-surrounded", "--markers", store, "--output", plan);
        Assert.True(exit == 0, err);
        using var doc = JsonDocument.Parse(File.ReadAllText(plan));
        Assert.Equal(5, doc.RootElement.GetProperty("scoring").GetProperty("markers").GetInt32());
        var change = Assert.Single(doc.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal("Merge", change.GetProperty("kind").GetString());
        Assert.Equal(["1201010001001Q", "1201010001002Q", "1201010001003Q"],
            change.GetProperty("markers_moved").GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.Equal(3, change.GetProperty("markers_moved").GetProperty("count").GetInt32());
    }

    private static MarkerRecord M(string number, double lon, double lat) =>
        new(number, 'Q', number[..10], new GeometryFactory(new PrecisionModel(), 4490).CreatePoint(new Coordinate(lon, lat)), null, null, null);

    private static string Ring(double x0, double y0, double x1, double y1, double? mid = null) => mid is { } m
        ? FormattableString.Invariant($"[[{x0},{y0}],[{m},{y0}],[{x1},{y0}],[{x1},{y1}],[{m},{y1}],[{x0},{y1}],[{x0},{y0}]]")
        : FormattableString.Invariant($"[[{x0},{y0}],[{x1},{y0}],[{x1},{y1}],[{x0},{y1}],[{x0},{y0}]]");

    private static string Feature(string code, string level, string parent, string rings) =>
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"level\":\"" + level
        + "\",\"parent\":\"" + parent + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + rings + "}}";

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
