using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Formats;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Synthesis;

/// <summary>
/// The scoring layers as one GeoJSON FeatureCollection in lon/lat (CGCS2000): every feature has <c>layer</c> =
/// <c>road</c>, <c>river</c>, <c>address</c> (households, people, legal, manager) or <c>facility</c> (kind, legal);
/// the ground truth is the foreign member <c>truth</c>. <c>boundaries synth</c> writes it beside the city as
/// <c>CITY.layers.geojson</c>; <c>enclaves find --roads/--management</c> read it.
/// </summary>
public static class ScoringLayersJson
{
    /// <summary>Writes the layers (transformed to CGCS2000 lon/lat) to <paramref name="path"/>.</summary>
    public static void Write(ScoringLayers layers, string path)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var l = layers.In(CrsCode.Cgcs2000);
        var b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        var first = true;
        void Feature(string geometry, string properties)
        {
            b.Append(first ? "" : ",\n").Append("{\"type\":\"Feature\",\"geometry\":").Append(geometry).Append(",\"properties\":{").Append(properties).Append("}}");
            first = false;
        }
        foreach (var r in l.Roads)
        {
            Feature(Line(r), "\"layer\":\"road\"");
        }
        Feature(Line(l.River), "\"layer\":\"river\"");
        foreach (var a in l.Addresses)
        {
            Feature(Point(a.Location), string.Create(CultureInfo.InvariantCulture, $"\"layer\":\"address\",\"households\":{a.Households},\"people\":{a.People},\"legal\":\"{a.LegalCode}\",\"manager\":\"{a.ManagerCode}\""));
        }
        foreach (var f in l.Facilities)
        {
            Feature(Point(f.Location), $"\"layer\":\"facility\",\"kind\":\"{f.Kind}\",\"legal\":\"{f.LegalCode}\"");
        }
        b.Append("\n],\"truth\":{\"access\":[");
        b.AppendJoin(",", l.Truth.Access.Select(a => $"{{\"owner\":\"{a.Owner}\",\"via\":\"{a.Via}\",\"location\":{Point(a.Location)}}}"));
        b.Append("],\"management\":[");
        b.AppendJoin(",", l.Truth.Management.Select(m => string.Create(CultureInfo.InvariantCulture, $"{{\"legal\":\"{m.Legal}\",\"manager\":\"{m.Manager}\",\"points\":{m.Points}}}")));
        b.Append("]}}\n");
        AtomicFile.WriteText(path, b.ToString());
    }

    /// <summary><c>city.gpkg</c> → <c>city.layers.geojson</c>, beside it.</summary>
    public static string PathFor(string cityPath) =>
        Path.Combine(Path.GetDirectoryName(cityPath) ?? "", Path.GetFileNameWithoutExtension(cityPath) + ".layers.geojson");

    /// <summary>The LineString features of a GeoJSON file whose <c>layer</c> is <paramref name="layer"/> (features without
    /// a <c>layer</c> property count as roads), lon/lat.</summary>
    /// <exception cref="BoundariesFormatException">The file is not such GeoJSON.</exception>
    public static Geometry ReadLines(string path, string layer = "road")
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var lines = new List<Geometry>();
        foreach (var (geometry, properties, index) in Features(path))
        {
            var kind = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("layer", out var l) ? l.GetString() : "road";
            if (geometry.GetProperty("type").GetString() is "LineString" && kind == layer)
            {
                lines.Add(factory.CreateLineString(Coordinates(geometry.GetProperty("coordinates"), path, index)));
            }
        }
        return factory.BuildGeometry(lines);
    }

    /// <summary>The point features with a <c>manager</c> property (address points), lon/lat, with their properties.</summary>
    /// <exception cref="BoundariesFormatException">The file is not such GeoJSON.</exception>
    public static ImmutableArray<(Point Location, string Manager, int Households, int People)> ReadManagedPoints(string path)
    {
        var factory = new GeometryFactory(new PrecisionModel(), 4490);
        var result = ImmutableArray.CreateBuilder<(Point, string, int, int)>();
        foreach (var (geometry, properties, index) in Features(path))
        {
            if (geometry.GetProperty("type").GetString() is "Point" && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("manager", out var manager))
            {
                var c = geometry.GetProperty("coordinates");
                var point = factory.CreatePoint(new Coordinate(c[0].GetDouble(), c[1].GetDouble()));
                result.Add((point, manager.ToString(), Int(properties, "households"), Int(properties, "people")));
            }
        }
        return result.ToImmutable();
    }

    /// <summary>True when the file is GeoJSON holding at least one point with a <c>manager</c> property.</summary>
    public static bool IsPointFile(string path) =>
        path.EndsWith("json", StringComparison.OrdinalIgnoreCase) && File.Exists(path)
        && Features(path).Any(f => f.Geometry.GetProperty("type").GetString() == "Point" && f.Properties.ValueKind == JsonValueKind.Object && f.Properties.TryGetProperty("manager", out _));

    private static int Int(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static IEnumerable<(JsonElement Geometry, JsonElement Properties, int Index)> Features(string path)
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
            if (!doc.RootElement.TryGetProperty("features", out var features))
            {
                throw new BoundariesFormatException("not a GeoJSON FeatureCollection (no 'features')", path);
            }
            var i = 0;
            foreach (var f in features.EnumerateArray().ToList())
            {
                if (f.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
                {
                    yield return (g.Clone(), f.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : default, i);
                }
                i++;
            }
        }
    }

    private static Coordinate[] Coordinates(JsonElement array, string path, int index)
    {
        var coords = array.EnumerateArray().Select(c => new Coordinate(c[0].GetDouble(), c[1].GetDouble())).ToArray();
        return coords.Length >= 2 ? coords : throw new BoundariesFormatException("a LineString needs two points", path, feature: index.ToString(CultureInfo.InvariantCulture), field: "geometry");
    }

    private static string Line(LineString l) => "{\"type\":\"LineString\",\"coordinates\":[" + string.Join(",", l.Coordinates.Select(Xy)) + "]}";

    private static string Point(Point p) => "{\"type\":\"Point\",\"coordinates\":" + Xy(p.Coordinate) + "}";

    private static string Xy(Coordinate c) => string.Create(CultureInfo.InvariantCulture, $"[{Math.Round(c.X, 9)},{Math.Round(c.Y, 9)}]");
}
