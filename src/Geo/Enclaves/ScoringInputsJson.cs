using System.Collections.Immutable;
using System.Text.Json;
using Boundaries.Geo.Formats;
using Boundaries.Geo.Synthesis;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// <see cref="ScoringInputs"/> from GeoJSON layer files in lon/lat (CGCS2000), such as the <c>CITY.layers.geojson</c>
/// that <c>boundaries synth</c> writes: lines with <c>layer</c> = <c>road</c> or <c>river</c> (a line without
/// <c>layer</c> is a road) from the lines file; address points (a <c>people</c> or <c>households</c> property) and
/// facilities (<c>layer</c> = <c>facility</c>) from the points file.
/// </summary>
public static class ScoringInputsJson
{
    /// <summary>The inputs; either path may be null (that part stays empty).</summary>
    /// <exception cref="BoundariesFormatException">A file is not GeoJSON.</exception>
    public static ScoringInputs Read(string? linesPath, string? pointsPath)
    {
        var inputs = new ScoringInputs();
        if (linesPath is not null)
        {
            var roads = ScoringLayersJson.ReadLines(linesPath, "road");
            var rivers = ScoringLayersJson.ReadLines(linesPath, "river");
            var all = Enumerable.Range(0, roads.NumGeometries).Select(roads.GetGeometryN)
                .Concat(Enumerable.Range(0, rivers.NumGeometries).Select(rivers.GetGeometryN)).ToArray();
            inputs = inputs with { Lines = roads.Factory.BuildGeometry(all) };
        }
        if (pointsPath is not null)
        {
            var (addresses, facilities) = Points(pointsPath);
            inputs = inputs with { Addresses = addresses, Facilities = facilities };
        }
        return inputs;
    }

    private static (ImmutableArray<(Point, int, int)> Addresses, ImmutableArray<Point> Facilities) Points(string path)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new BoundariesFormatException(e.Message, path, inner: e);
        }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new BoundariesFormatException("not a GeoJSON FeatureCollection (no 'features')", path);
            }
            var factory = new GeometryFactory(new PrecisionModel(), 4490);
            var addresses = ImmutableArray.CreateBuilder<(Point, int, int)>();
            var facilities = ImmutableArray.CreateBuilder<Point>();
            foreach (var f in features.EnumerateArray())
            {
                if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object || g.GetProperty("type").GetString() != "Point"
                    || !f.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                var c = g.GetProperty("coordinates");
                var point = factory.CreatePoint(new Coordinate(c[0].GetDouble(), c[1].GetDouble()));
                if (p.TryGetProperty("layer", out var layer) && layer.GetString() == "facility")
                {
                    facilities.Add(point);
                }
                else if (p.TryGetProperty("people", out _) || p.TryGetProperty("households", out _))
                {
                    addresses.Add((point, Int(p, "people"), Int(p, "households")));
                }
            }
            return (addresses.ToImmutable(), facilities.ToImmutable());
        }
    }

    private static int Int(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
}
