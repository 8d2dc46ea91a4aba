using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;
using Boundaries.Store;
using Boundaries.Store.Survey;
using Boundaries.Viewer.Hosting;
using Boundaries.Viewer.Sources;
using Boundaries.Viewer.Tests.Sources;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// <c>serve --store</c> (GeoPackage and PostGIS): the enclave options are scored against the store's markers in force.
/// Township 001 has a part (117.14–117.16 × 39.04–39.06) inside 003; transferring it to 003 erases that ring. The markers
/// on the ring, at its corner and 0.5 m off it move; one on the line 001|003 that stays does not, nor one first set on the
/// ring and then re-surveyed onto that line (its current position counts).
/// </summary>
public sealed class EnclaveMarkersStoreSourceTests : IDisposable
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4490);
    private readonly string _dir = Directory.CreateTempSubdirectory("boundaries-serve-markers-").FullName;

    public static TheoryData<string> Stores => ["gpkg", "postgis"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TransferOfTheEnclave_MovesTheMarkersOnItsRingInForce(string kind)
    {
        var location = kind == "gpkg" ? Path.Combine(_dir, "store.gpkg") : StoreSourceTests.FreshPostGisDatabase();
        await using (var writer = BoundaryStore.Open(location))
        {
            await writer.InitializeAsync();
            await writer.ImportAsync(new DivisionSet([.. City()], CrsCode.Cgcs2000), new ChangeSetInfo("张三", "2020 普查", new DateOnly(2020, 1, 1)));
            await writer.SaveMarkersAsync([
                M("1201010001001Q", 117.15, 39.04),          // on the ring's south side
                M("1201010001002Q", 117.16, 39.06),          // the ring's corner
                M("1201010001003Q", 117.15, 39.04 - 4.5e-6), // 0.5 m south of the ring
                M("1201010001004Q", 117.1, 39.05),           // on the line 001|003, which stays
                M("1201010001005Q", 117.14, 39.05),          // on the ring's west side …
            ], new ChangeSetInfo("测量队", "2024 界桩普查"));
            await writer.SaveMarkersAsync([M("1201010001005Q", 117.1, 39.02)], new ChangeSetInfo("测量队", "2025 复测")); // … re-surveyed on 001|003
        }

        await using var host = await BoundariesServer.StartAsync(StoreBoundarySource.Open(location), new ServerOptions { Urls = "http://127.0.0.1:0" });
        using var http = new HttpClient { BaseAddress = new Uri(host.Urls[0]) };
        using var findings = JsonDocument.Parse(await http.GetStringAsync("/api/v1/enclaves?level=township"));
        Assert.Equal(5, findings.RootElement.GetProperty("markers").GetInt32());
        var finding = Assert.Single(findings.RootElement.GetProperty("features").EnumerateArray()).GetProperty("properties");
        Assert.Equal(("120101001", "120101003"), (finding.GetProperty("owner").GetString(), finding.GetProperty("hosts")[0].GetString()));

        using var options = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/enclaves/{finding.GetProperty("index").GetInt32()}/options?level=township"));
        var transfer = options.RootElement.GetProperty("options").EnumerateArray().First(o => o.GetProperty("kind").GetString() == "TransferToHost");
        Assert.Equal("120101003", transfer.GetProperty("to").GetString());
        var moved = transfer.GetProperty("markers_moved");
        Assert.Equal(["1201010001001Q", "1201010001002Q", "1201010001003Q"], moved.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray());
        Assert.Equal(3, moved.GetProperty("count").GetInt32());
    }

    private static IEnumerable<Division> City() =>
    [
        new("120101", "和平区", DivisionLevel.District, "120100", Box(117.0, 39.0, 117.2, 39.1)),
        new("120101001", "劝业场街道", DivisionLevel.Township, "120101",
            Factory.CreateMultiPolygon([Box(117.0, 39.0, 117.1, 39.1), Box(117.14, 39.04, 117.16, 39.06)])),
        new("120101003", "五大道街道", DivisionLevel.Township, "120101",
            Factory.CreatePolygon(Ring(117.1, 39.0, 117.2, 39.1), [Ring(117.14, 39.04, 117.16, 39.06)])),
    ];

    private static Polygon Box(double x0, double y0, double x1, double y1) => Factory.CreatePolygon(Ring(x0, y0, x1, y1));

    private static LinearRing Ring(double x0, double y0, double x1, double y1) =>
        Factory.CreateLinearRing([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    private static MarkerRecord M(string number, double lon, double lat) =>
        new(number, 'Q', number[..10], Factory.CreatePoint(new Coordinate(lon, lat)), null, null, null);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
