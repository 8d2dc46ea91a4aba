using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Enclaves;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Tests.Enclaves;

/// <summary>
/// The enclave API scores the markers (界桩) in force in the served GeoPackage's <c>markers</c> layer. Three markers are
/// set by hand around one enclave (a part of its owner wholly inside one host): one on the enclave's ring, which
/// transferring the piece to its host erases (it must move); one inside the piece, 5 m or more from any line; one on a
/// boundary far away. Transferring to the host moves exactly the first, keeping moves none; the plan, the apply outcome
/// and its change detail name it.
/// </summary>
public sealed class EnclaveMarkersApiTests : IAsyncLifetime
{
    private EnclaveCity _city = null!;
    private int _finding;

    public async Task InitializeAsync() => _city = await EnclaveCity.StartAsync(path =>
    {
        var set = DivisionImporter.Import(path).In(CrsCode.Cgcs2000);
        var findings = EnclaveFinder.Find(set, EnclaveOptions.Default with { Level = DivisionLevel.Township });
        // a plain enclave: one host, and no other finding shares its owner or host (its options touch nothing else)
        var target = findings.Select((f, i) => (f, i)).First(p => p.f.Class == EnclaveClass.Enclave && p.f.Order == 1 && p.f.Hosts.Length == 1
            && !findings.Where((_, j) => j != p.i).Any(q => q.Owner == p.f.Owner || q.Hosts.Contains(p.f.Owner) || q.Owner == p.f.Hosts[0] || q.Hosts.Contains(p.f.Hosts[0])));
        _finding = target.i;
        var piece = target.f.Geometry;
        var ring = ((Polygon)(piece is MultiPolygon mp ? mp.GetGeometryN(0) : piece)).ExteriorRing;
        var on = ring.GetCoordinateN(0);
        var inside = piece.InteriorPoint;
        // 5 m ≈ 4.5e-5° of latitude: the inside marker is well beyond the 1 m tolerance of every line
        var lines = set.Divisions.Where(d => d.Level == DivisionLevel.Township).Select(d => d.Geometry.Boundary).ToList();
        Assert.True(lines.Min(l => l.Distance(inside)) > 4.5e-5, "the inside marker is away from every line");
        var far = set.Divisions.Where(d => d.Level == DivisionLevel.Township && d.Code != target.f.Owner && d.Code != target.f.Hosts[0])
            .Select(d => d.Geometry.Coordinates[0]).First(c => piece.Distance(new Point(c)) > 0.02);
        string Feature(string number, Coordinate c) => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"number\":\"{number}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{c.X:R},{c.Y:R}]}}}}");
        var geojson = Path.Combine(Path.GetDirectoryName(path)!, "markers.geojson");
        File.WriteAllText(geojson, "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",",
            Feature("JZ-ON", on), Feature("JZ-INSIDE", inside.Coordinate), Feature("JZ-FAR", far)) + "]}");
        var (exit, _, stderr) = TestSupport.Tool("ogr2ogr", "-update", "-f", "GPKG", "-nln", "markers", "-a_srs", "EPSG:4490", path, geojson);
        Assert.True(exit == 0, stderr);
    });

    public async Task DisposeAsync() => await _city.DisposeAsync();

    [Fact]
    public async Task OptionsPlanAndApply_NameTheMarkerOnTheErasedRing()
    {
        using var doc = JsonDocument.Parse(await _city.Client.GetStringAsync("/api/v1/enclaves?level=township"));
        Assert.Equal(3, doc.RootElement.GetProperty("markers").GetInt32());
        var version = doc.RootElement.GetProperty("version").GetInt32();

        using var options = JsonDocument.Parse(await _city.Client.GetStringAsync($"/api/v1/enclaves/{_finding}/options?level=township"));
        var all = options.RootElement.GetProperty("options").EnumerateArray().ToList();
        static string[] Ids(JsonElement moved)
        {
            var ids = moved.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToArray();
            Assert.Equal(ids.Length, moved.GetProperty("count").GetInt32());
            return ids;
        }
        var transfer = all.First(o => o.GetProperty("kind").GetString() == "TransferToHost");
        Assert.Equal(["JZ-ON"], Ids(transfer.GetProperty("markers_moved")));
        Assert.Empty(Ids(all.Single(o => o.GetProperty("kind").GetString() == "Keep").GetProperty("markers_moved")));
        Assert.All(all, o => Assert.DoesNotContain("JZ-FAR", Ids(o.GetProperty("markers_moved"))));
        Assert.All(all, o => Assert.DoesNotContain("JZ-INSIDE", Ids(o.GetProperty("markers_moved"))));

        var choice = new[] { new { finding = _finding, option = transfer.GetProperty("option").GetInt32() } };
        using var plan = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/plan", new { level = "township", choices = choice });
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        using var planDoc = JsonDocument.Parse(await plan.Content.ReadAsStringAsync());
        Assert.Equal(["JZ-ON"], Ids(planDoc.RootElement.GetProperty("markers_moved")));
        Assert.Equal(["JZ-ON"], Ids(Assert.Single(planDoc.RootElement.GetProperty("choices").EnumerateArray()).GetProperty("markers_moved")));

        using var applied = await _city.Client.PostAsJsonAsync("/api/v1/enclaves/apply",
            new { level = "township", choices = choice, base_version = version, effective_date = "2027-01-01", author = "王科长", reason = "飞地调整" });
        var body = await applied.Content.ReadAsStringAsync();
        Assert.True(applied.StatusCode == HttpStatusCode.OK, body);
        using var outcome = JsonDocument.Parse(body);
        Assert.Equal(["JZ-ON"], Ids(outcome.RootElement.GetProperty("markers_moved")));
        Assert.EndsWith("; markers to move / 需迁移界桩 1: JZ-ON", outcome.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("需迁移界桩 1: JZ-ON", File.ReadAllText(_city.Path + ".changes.jsonl"), StringComparison.Ordinal);
    }
}
