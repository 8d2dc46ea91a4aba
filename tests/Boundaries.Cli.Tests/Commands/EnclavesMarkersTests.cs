using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>
/// <c>enclaves plan --markers</c> on a generated city with its generated survey: the markers each transfer would have to
/// move, checked against the survey's own truth (the line each marker was set on, with the divisions on its two sides,
/// and its true offset from that line) rather than against the scorer's geometry.
/// </summary>
public sealed class EnclavesMarkersTests
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private const double Tolerance = 1;

    [Fact]
    public void Plan_WithTheSurveyedMarkers_MovesExactlyTheMarkersOnTheBordersWithTheReceivers()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        var synth = CliRun.Of("synth", "--seed", "1", "--survey", "--output", city);
        Assert.True(synth.ExitCode == 0, synth.Error);
        var markersCsv = Path.Combine(dir.File("city.survey"), "markers.csv");
        var plan = dir.File("plan.json");
        var report = dir.File("plan.html");
        // weight 0: the plan is the one made without markers, so every transfer the plain planner picks is checked
        var run = CliRun.Of("enclaves", "plan", city, "--level", "township", "--markers", markersCsv, "--marker-weight", "0",
            "--output", plan, "--report", report, "--lang", "zh-CN");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("界桩", run.Error, StringComparison.Ordinal);

        using var truthDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("city.survey"), "truth.json")));
        var lines = truthDoc.RootElement.GetProperty("lines").EnumerateArray().ToDictionary(
            l => l.GetProperty("id").GetInt32(), l => (Left: l.GetProperty("left").GetString(), Right: l.GetProperty("right").GetString()));
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var markers = truthDoc.RootElement.GetProperty("markers").EnumerateArray().Select(m => (
            Number: m.GetProperty("number").GetString()!,
            Line: lines[m.GetProperty("line_id").GetInt32()],
            Point: factory.CreatePoint(new Coordinate(m.GetProperty("longitude").GetDouble(), m.GetProperty("latitude").GetDouble())),
            Offset: Math.Abs(m.GetProperty("offset_meters").GetDouble()))).ToList();

        using var doc = JsonDocument.Parse(File.ReadAllText(plan));
        var root = doc.RootElement;
        Assert.Equal(markers.Count, root.GetProperty("scoring").GetProperty("markers").GetInt32());
        Assert.Equal(Tolerance, root.GetProperty("scoring").GetProperty("marker_tolerance_m").GetDouble());
        var transfers = root.GetProperty("changes").EnumerateArray().Where(c => c.GetProperty("kind").GetString() != "Keep").ToList();
        var wholeParts = transfers.Where(c => c.GetProperty("moves").ValueKind == JsonValueKind.Null).ToList();
        Assert.NotEmpty(wholeParts);
        var checkedMarkers = 0;
        foreach (var c in wholeParts)
        {
            var from = c.GetProperty("from").GetString();
            var to = c.GetProperty("to").GetString();
            var piece = JsonSerializer.Deserialize<Geometry>(c.GetProperty("piece").GetRawText(), GeoJson)!;
            // a marker moves when it was set on a line between the giver and the receiver along the piece (the whole
            // border between them goes) and stands within the tolerance of it; those within 0.1 m of the tolerance
            // (averaged occupations) are left out of the comparison
            bool OnRemovedLine((string Number, (string? Left, string? Right) Line, Point Point, double Offset) m) =>
                ((m.Line.Left == from && m.Line.Right == to) || (m.Line.Left == to && m.Line.Right == from)) && piece.Distance(m.Point) < 5e-5;
            var ambiguous = markers.Where(m => OnRemovedLine(m) && Math.Abs(m.Offset - Tolerance) < 0.1).Select(m => m.Number).ToHashSet();
            var expected = markers.Where(m => OnRemovedLine(m) && m.Offset <= Tolerance && !ambiguous.Contains(m.Number)).Select(m => m.Number).Order(StringComparer.Ordinal).ToList();
            var moved = c.GetProperty("markers_moved");
            var ids = moved.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
            Assert.Equal(ids.Count, moved.GetProperty("count").GetInt32());
            Assert.Equal(expected, ids.Where(i => !ambiguous.Contains(i)).ToList());
            checkedMarkers += expected.Count;
        }
        Assert.True(checkedMarkers > 0, "some transfer moves a marker");
        Assert.Equal(transfers.Sum(c => c.GetProperty("markers_moved").GetProperty("count").GetInt32()), root.GetProperty("markers_moved").GetProperty("count").GetInt32());

        // the change list has the column, one cell per change: "n" or "n: id, id"
        var html = XDocument.Parse(File.ReadAllText(report)["<!DOCTYPE html>".Length..]);
        var table = html.Descendants(X + "table").Single(t => (string?)t.Attribute("id") == "changes");
        var headers = table.Element(X + "thead")!.Descendants(X + "th").Select(th => th.Value).ToList();
        var column = headers.IndexOf("需迁移界桩");
        Assert.Equal(headers.Count - 2, column);
        var rows = table.Element(X + "tbody")!.Elements(X + "tr").ToList();
        Assert.Equal(transfers.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var ids = transfers[i].GetProperty("markers_moved").GetProperty("ids").EnumerateArray().Select(x => x.GetString()).ToList();
            var cell = rows[i].Elements(X + "td").ElementAt(column).Value;
            Assert.Equal(ids.Count == 0 ? "0" : $"{ids.Count}: {string.Join(", ", ids)}", cell);
        }
    }

    [Fact]
    public void Plan_OnACityGeoPackageHoldingAMarkersLayer_UsesThoseMarkersByDefault()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--survey", "--output", city).ExitCode);
        // the survey's true marker positions as a GeoJSON layer, then put into the city file by GDAL as 'markers'
        using var truthDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("city.survey"), "truth.json")));
        var geojson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        geojson.AppendJoin(",", truthDoc.RootElement.GetProperty("markers").EnumerateArray().Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Feature\",\"properties\":{{\"number\":\"{m.GetProperty("number").GetString()}\"}},\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{m.GetProperty("longitude").GetDouble():R},{m.GetProperty("latitude").GetDouble():R}]}}}}")));
        geojson.Append("]}");
        var markers = dir.File("markers.geojson");
        File.WriteAllText(markers, geojson.ToString());
        var count = truthDoc.RootElement.GetProperty("markers").GetArrayLength();

        var explicitPlan = dir.File("explicit.json");
        var first = CliRun.Of("enclaves", "plan", city, "--level", "township", "--markers", markers, "--output", explicitPlan);
        Assert.True(first.ExitCode == 0, first.Error);

        var ogr = CliRun.Tool("/usr/bin/ogr2ogr", "-update", "-f", "GPKG", "-nln", "markers", "-a_srs", "EPSG:4490", city, markers);
        Assert.True(ogr.Exit == 0, ogr.Error);
        var defaultPlan = dir.File("default.json");
        var second = CliRun.Of("enclaves", "plan", city, "--level", "township", "--output", defaultPlan);
        Assert.True(second.ExitCode == 0, second.Error);

        using var a = JsonDocument.Parse(File.ReadAllText(explicitPlan));
        using var b = JsonDocument.Parse(File.ReadAllText(defaultPlan));
        Assert.Equal(count, a.RootElement.GetProperty("scoring").GetProperty("markers").GetInt32());
        Assert.Equal(count, b.RootElement.GetProperty("scoring").GetProperty("markers").GetInt32());
        Assert.True(a.RootElement.GetProperty("markers_moved").GetProperty("count").GetInt32() > 0);
        Assert.Equal(a.RootElement.GetProperty("markers_moved").GetRawText(), b.RootElement.GetProperty("markers_moved").GetRawText());
        Assert.Equal(a.RootElement.GetProperty("changes").GetArrayLength(), b.RootElement.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void Plan_WithAMarkerFileMissingItsNumbers_NamesTheFileLineAndField()
    {
        using var dir = new TempDir();
        var city = dir.File("city.gpkg");
        Assert.Equal(0, CliRun.Of("synth", "--seed", "1", "--output", city).ExitCode);
        var bad = dir.File("bad.csv");
        File.WriteAllText(bad, "number,lon,lat\nJZ1,117.2,39.1\n,117.3,39.2\n");
        var run = CliRun.Of("enclaves", "plan", city, "--level", "township", "--markers", bad, "--output", dir.File("plan.json"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("bad.csv", run.Error, StringComparison.Ordinal);
        Assert.Contains("3", run.Error, StringComparison.Ordinal);
        Assert.Contains("number", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("plan.json")));
    }
}
