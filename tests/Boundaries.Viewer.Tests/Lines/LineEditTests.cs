using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Import;
using Boundaries.Geo.Model;
using Boundaries.Viewer.Tests.WebMap;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Viewer.Tests.Lines;

/// <summary>
/// <c>POST /api/v1/lines/{id}/edit</c> against a real server over a private copy of the city: the edit moves both
/// neighbours, the coverage stays exact (NTS CoverageValidator on the file read back), area is conserved, a stale base
/// is a conflict, and an edit into a third division is refused with its findings and nothing saved.
/// </summary>
public sealed class LineEditTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Geo = CreateGeo();
    private CityServer _server = null!;

    public async Task InitializeAsync() => _server = await CityServer.StartAsync(twoVersions: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EditOfASharedLineMovesBothNeighboursAndKeepsTheCoverageExact()
    {
        var line = await InteriorLine();
        var coords = Coordinates(line);
        var k = coords.Count / 2;
        var moved = Moved(coords, k, 0.00004);
        var beforeArea = Townships(_server.Path).Sum(d => d.Geometry.Area);

        using var response = await Post(line, moved, "张工", "界桩复测");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        var after = Townships(_server.Path);
        var left = after.Single(d => d.Code == Str(line, "left"));
        var right = after.Single(d => d.Code == Str(line, "right"));
        var target = new Coordinate(moved[k][0], moved[k][1]);
        var inLeft = left.Geometry.Coordinates.Where(c => c.Distance(target) < 1e-7).ToList();
        var inRight = right.Geometry.Coordinates.Where(c => c.Distance(target) < 1e-7).ToList();
        Assert.NotEmpty(inLeft);
        Assert.NotEmpty(inRight);
        Assert.Equal(inLeft[0], inRight[0]);
        Assert.DoesNotContain(left.Geometry.Coordinates, c => c.Equals2D(new Coordinate(coords[k][0], coords[k][1])));
        // Oracle: NTS CoverageValidator (shared edges must match vertex for vertex) on the file as saved.
        var invalid = CoverageValidator.Validate([.. after.Select(d => d.Geometry)]);
        Assert.All(invalid, g => Assert.Null(g));
        Assert.Equal(beforeArea, after.Sum(d => d.Geometry.Area), 12);
        Assert.True(left.Geometry.Intersection(right.Geometry).Dimension < Dimension.Surface, "the neighbours overlap");

        // Read back through the API: the line now runs through the new vertex, and the change log names author and reason.
        var lines = await Lines();
        var now = lines.Single(l => Str(l, "left") == Str(line, "left") && Str(l, "right") == Str(line, "right") && Coordinates(l).Count == coords.Count);
        Assert.Contains(Coordinates(now), c => Math.Abs(c[0] - target.X) < 1e-7 && Math.Abs(c[1] - target.Y) < 1e-7);
        var log = await File.ReadAllTextAsync(_server.Path + ".changes.jsonl");
        Assert.Contains("张工", log);
        Assert.Contains("界桩复测", log);
        Assert.Contains("\"status\":\"draft\"", log);
    }

    [Fact]
    public async Task ASecondEditOnTheSameBaseIsAConflict()
    {
        var line = await InteriorLine();
        var coords = Coordinates(line);
        var first = Post(line, Moved(coords, coords.Count / 2, 0.00003), "甲", "first");
        var second = Post(line, Moved(coords, coords.Count / 2, -0.00003), "乙", "second");
        var answers = await Task.WhenAll(first, second);
        var codes = answers.Select(a => a.StatusCode).Order().ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
        var conflict = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("changed", await conflict.Content.ReadAsStringAsync());
        Assert.Single(await File.ReadAllLinesAsync(_server.Path + ".changes.jsonl"), l => l.Length > 0);
    }

    [Fact]
    public async Task AnEditIntoAThirdDivisionIsRefusedWithItsFindings()
    {
        var line = await InteriorLine();
        var coords = Coordinates(line);
        var sides = new[] { Str(line, "left"), Str(line, "right") };
        var third = Townships(_server.Path).Where(d => !sides.Contains(d.Code))
            .OrderBy(d => d.Geometry.Distance(new Point(coords[1][0], coords[1][1]))).First();
        var into = third.Geometry.InteriorPoint;
        var moved = coords.Select(c => c.ToArray()).ToList();
        moved[coords.Count / 2] = [into.X, into.Y];
        var before = await File.ReadAllBytesAsync(_server.Path);

        using var response = await Post(line, moved, "张工", "试探");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var findings = JsonDocument.Parse(body).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.Contains(findings, f => f.GetProperty("divisions").EnumerateArray().Any(d => d.GetString() == third.Code || sides.Contains(d.GetString())));
        Assert.Equal(before, await File.ReadAllBytesAsync(_server.Path));
    }

    [Fact]
    public async Task MovingAnEndNodeIsRejected()
    {
        var line = await InteriorLine();
        var moved = Moved(Coordinates(line), 0, 0.0001);
        using var response = await Post(line, moved, "张工", "节点");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A township line with a division on both sides, both in the same district, with at least 4 vertices.</summary>
    private async Task<JsonElement> InteriorLine()
    {
        var parents = Townships(_server.Path).ToDictionary(d => d.Code, d => d.ParentCode);
        return (await Lines()).Where(l => l.GetProperty("properties").TryGetProperty("left", out _)
                && l.GetProperty("properties").TryGetProperty("right", out _)
                && parents[Str(l, "left")] == parents[Str(l, "right")] && Coordinates(l).Count >= 4)
            .OrderByDescending(l => l.GetProperty("properties").GetProperty("length_m").GetDouble()).First();
    }

    private async Task<List<JsonElement>> Lines()
    {
        using var doc = JsonDocument.Parse(await _server.Client.GetStringAsync("/api/v1/lines?level=township"));
        return [.. doc.RootElement.GetProperty("features").EnumerateArray().Select(e => e.Clone())];
    }

    private Task<HttpResponseMessage> Post(JsonElement line, List<double[]> coordinates, string author, string reason) =>
        _server.Client.PostAsJsonAsync($"/api/v1/lines/{line.GetProperty("id").GetInt32()}/edit", new
        {
            level = "township",
            base_version = Str(line, "version"),
            coordinates,
            author,
            reason,
        });

    private static List<double[]> Moved(List<double[]> coords, int k, double by)
    {
        var moved = coords.Select(c => c.ToArray()).ToList();
        // Perpendicular to the neighbouring segment, so the move is a real change of the boundary.
        var a = coords[Math.Max(0, k - 1)];
        var b = coords[Math.Min(coords.Count - 1, k + 1)];
        var (dx, dy) = (b[0] - a[0], b[1] - a[1]);
        var len = Math.Sqrt((dx * dx) + (dy * dy));
        moved[k] = [coords[k][0] - (dy / len * by), coords[k][1] + (dx / len * by)];
        return moved;
    }

    private static List<double[]> Coordinates(JsonElement line) =>
        [.. line.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => new[] { c[0].GetDouble(), c[1].GetDouble() })];

    private static string Str(JsonElement line, string name) => line.GetProperty("properties").GetProperty(name).GetString()!;

    private static List<Division> Townships(string path) =>
        [.. DivisionImporter.Import(path).In(CrsCode.Cgcs2000).Divisions.Where(d => d.Level == DivisionLevel.Township && d.ValidTo is null)];

    private static JsonSerializerOptions CreateGeo()
    {
        var o = new JsonSerializerOptions();
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }
}
