using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Boundaries.Cli.Tests.Commands;

/// <summary>
/// <c>enclaves plan --roads R --follow-tolerance M</c> on a hand-drawn city in lon/lat: a 200 × 200 m piece of A lies
/// inside B, 100 m from A's main part, and a road runs from the piece across the gap to the main part 25 m off the
/// straight corridor's axis. A village of 5000 people stands on the straight axis, so the plan takes the corridor
/// along the road; applied, the result validates clean and the whole road lies in A.
/// </summary>
public sealed class EnclavesFollowRoadTests
{
    private const double Lon0 = 117.2, Lat0 = 39.1;
    private static readonly double DegPerMeterLat = 1 / 111_000.0;
    private static readonly double DegPerMeterLon = 1 / (111_000.0 * Math.Cos(Lat0 * Math.PI / 180));
    private const string A = "120101001", B = "120101002", C = "120101003";

    private static string P(double x, double y) =>
        string.Create(CultureInfo.InvariantCulture, $"[{Lon0 + x * DegPerMeterLon:0.##########}, {Lat0 + y * DegPerMeterLat:0.##########}]");

    /// <summary>A closed ring of the box, counter-clockwise (a hole is written clockwise).</summary>
    private static string Ring(double x0, double y0, double x1, double y1, bool hole = false) => hole
        ? $"[{P(x0, y0)}, {P(x0, y1)}, {P(x1, y1)}, {P(x1, y0)}, {P(x0, y0)}]"
        : $"[{P(x0, y0)}, {P(x1, y0)}, {P(x1, y1)}, {P(x0, y1)}, {P(x0, y0)}]";

    private static string Division(string code, string geometry) =>
        $$"""{"type": "Feature", "properties": {"code": "{{code}}", "name": "{{code}}", "level": "township"}, "geometry": {{geometry}}}""";

    private static string City() => $$"""
        {"type": "FeatureCollection", "features": [
          {{Division(A, $"{{\"type\": \"MultiPolygon\", \"coordinates\": [[{Ring(0, 0, 1000, 1000)}], [{Ring(1100, 400, 1300, 600)}]]}}")}},
          {{Division(B, $"{{\"type\": \"Polygon\", \"coordinates\": [{Ring(1000, 0, 2000, 1000)}, {Ring(1100, 400, 1300, 600, hole: true)}]}}")}},
          {{Division(C, $"{{\"type\": \"Polygon\", \"coordinates\": [[{P(0, 1000)}, {P(1000, 1000)}, {P(2000, 1000)}, {P(2000, 2000)}, {P(0, 2000)}, {P(0, 1000)}]]}}")}}
        ]}
        """;

    // the road: from inside the piece (x 1200) across the gap (x 1000–1100) into the main part (x 900), at y 525
    private static readonly (double X, double Y)[] Road = [(1200, 525), (900, 525)];

    private static string RoadGeometry() => "{\"type\": \"LineString\", \"coordinates\": [" + string.Join(", ", Road.Select(p => P(p.X, p.Y))) + "]}";

    private static string VillageGeometry() => "{\"type\": \"Point\", \"coordinates\": " + P(1050, 500) + "}";

    private static string Roads() => $$"""
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"layer": "road"}, "geometry": {{RoadGeometry()}}}
        ]}
        """;

    // a village of B on the straight corridor's axis (y 490–510), 40 m from the road
    private static string Points() => $$"""
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"people": 5000, "households": 2000, "manager": "{{B}}"}, "geometry": {{VillageGeometry()}}}
        ]}
        """;

    [Fact]
    public void Plan_TakesTheCorridorAlongTheRoad_ApplyValidatesClean_AndTheRoadLiesInTheOwner()
    {
        using var dir = new TempDir();
        var city = dir.File("city.geojson");
        var roads = dir.File("roads.geojson");
        var points = dir.File("points.geojson");
        File.WriteAllText(city, City());
        File.WriteAllText(roads, Roads());
        File.WriteAllText(points, Points());
        // the input is clean (C's lower edge has a vertex where A and B meet under it)
        var before = CliRun.Of("validate", city, "--format", "json");
        Assert.True(before.ExitCode == 0, before.Out + before.Error);
        var plan = dir.File("plan.json");
        var run = CliRun.Of("enclaves", "plan", city, "--level", "township", "--roads", roads, "--management", points,
            "--follow-tolerance", "30", "--output", plan);
        Assert.True(run.ExitCode == 0, run.Error);

        using (var doc = JsonDocument.Parse(File.ReadAllText(plan)))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("scoring").GetProperty("lines").GetInt32());
            var change = Assert.Single(doc.RootElement.GetProperty("changes").EnumerateArray());
            Assert.Equal("Corridor", change.GetProperty("kind").GetString());
            Assert.Equal(A, change.GetProperty("to").GetString());
            // the corridor's new boundary is its two sides, 10 m either side of the road: all of it follows the road
            Assert.Equal(1, change.GetProperty("new_boundary_following_share").GetDouble(), 2);
            // nobody moves: the village on the straight axis stays in B
            Assert.Equal(0, change.GetProperty("people_moved").GetInt32());
            // a 20 m strip across the 100 m gap
            Assert.InRange(change.GetProperty("area_m2").GetDouble(), 1900, 2100);
        }

        // without --follow-tolerance the only corridor is the straight one, through the village: the plan cannot avoid it
        var plain = dir.File("plain.json");
        Assert.Equal(0, CliRun.Of("enclaves", "plan", city, "--level", "township", "--roads", roads, "--management", points, "--output", plain).ExitCode);
        using (var doc = JsonDocument.Parse(File.ReadAllText(plain)))
        {
            var change = Assert.Single(doc.RootElement.GetProperty("changes").EnumerateArray());
            Assert.False(change.GetProperty("kind").GetString() == "Corridor" && change.GetProperty("people_moved").GetInt32() == 0,
                $"{change.GetProperty("kind").GetString()} moving {change.GetProperty("people_moved").GetInt32()} people");
        }

        var result = dir.File("new.geojson");
        var apply = CliRun.Of("enclaves", "apply", city, plan, "--level", "township", "--effective", "2025-01-01", "--output", result);
        Assert.True(apply.ExitCode == 0, apply.Error);
        var validate = CliRun.Of("validate", result, "--format", "json");
        Assert.True(validate.ExitCode == 0, validate.Out + validate.Error);

        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        var after = JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(File.ReadAllText(result), options)!;
        Geometry Of(string code) => after.Single(f => (string)f.Attributes["code"] == code).Geometry;
        var owner = Of(A);
        Assert.Equal(1, owner.NumGeometries);
        var factory = owner.Factory;
        var road = factory.CreateLineString([.. Road.Select(p => new Coordinate(Lon0 + p.X * DegPerMeterLon, Lat0 + p.Y * DegPerMeterLat))]);
        // within 1 cm (1e-7°) the whole road is in A; the village is still in B
        Assert.True(owner.Buffer(1e-7).Covers(road), "the road lies in the owner");
        Assert.True(Of(B).Covers(factory.CreatePoint(new Coordinate(Lon0 + 1050 * DegPerMeterLon, Lat0 + 500 * DegPerMeterLat))));
        Assert.False(owner.Intersects(factory.CreatePoint(new Coordinate(Lon0 + 1050 * DegPerMeterLon, Lat0 + 500 * DegPerMeterLat))));
    }

    [Fact]
    public void FindText_ShowsTheNoteInTheChosenLanguage()
    {
        using var dir = new TempDir();
        var city = dir.File("city.geojson");
        File.WriteAllText(city, City());
        var en = CliRun.Of("enclaves", "find", city, "--level", "township", "--lang", "en");
        Assert.True(en.ExitCode == 0, en.Error);
        Assert.Contains($"part 2 of 2 of {A} lies inside {B} (order 1)", en.Out, StringComparison.Ordinal);
        var zh = CliRun.Of("enclaves", "find", city, "--level", "township", "--lang", "zh-CN");
        Assert.True(zh.ExitCode == 0, zh.Error);
        Assert.Contains($"{A} 的第 2 部分（共 2 部分）位于 {B} 境内（第 1 重）", zh.Out, StringComparison.Ordinal);
        Assert.Contains($"飞地（内嵌）：{A} 位于 {B}", zh.Out, StringComparison.Ordinal);
        // no Latin letter in the Chinese text
        Assert.DoesNotMatch("[A-Za-z]", zh.Out);
        Assert.Contains("飞地 1 处：飞地（内嵌） 1", zh.Error, StringComparison.Ordinal);
        Assert.Contains("1 enclave findings: enclave 1", en.Error, StringComparison.Ordinal);
    }
}
