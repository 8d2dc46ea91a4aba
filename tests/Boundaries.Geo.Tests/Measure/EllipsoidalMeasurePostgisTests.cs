using System.Globalization;
using System.Text;
using Boundaries.Geo.Measure;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Boundaries.Geo.Tests.Measure;

/// <summary>
/// Ellipsoidal area, perimeter and length against a live PostGIS: <c>ST_Area</c>, <c>ST_Perimeter</c> and
/// <c>ST_Length</c> of <c>ST_GeomFromText(wkt, 4490)::geography</c> (GeographicLib geodesics on the CGCS2000/GRS80
/// ellipsoid of spatial_ref_sys 4490).
/// </summary>
public sealed class EllipsoidalMeasurePostgisTests
{
    // The brief allows 1e-4 (0.01 %). Observed: about 1e-11 for 100–10 000 km², up to 2e-9 (under 0.05 m², the
    // rounding noise of summing edge-to-equator areas) for 1–30 km²; lengths about 1e-11. Hold it to 1e-8.
    private const double RelativeTolerance = 1e-8;

    private static readonly (string Name, double Lon, double Lat)[] Places =
    [
        ("Tianjin", 117.2, 39.1), ("Harbin", 126.6, 45.8), ("Sanya", 109.5, 18.3),
        ("Kashgar", 76.0, 39.5), ("Lhasa", 91.1, 29.65), ("Shanghai", 121.5, 31.2),
    ];

    [Fact]
    public void AreaAndPerimeterMatchPostgisGeography()
    {
        var cases = PolygonCases();
        var rows = QueryAll(cases.Select(c => c.Wkt).ToList(),
            "ST_Area(g::geography), ST_Perimeter(g::geography), ST_Area(ST_SetSRID(g, 4326)::geography)");
        var failures = new StringBuilder();
        for (var i = 0; i < cases.Count; i++)
        {
            var geometry = new WKTReader().Read(cases[i].Wkt);
            var area = EllipsoidalMeasure.AreaSquareMeters(geometry);
            var perimeter = EllipsoidalMeasure.PerimeterMeters(geometry);
            var pgArea = PostgisOracle.Number(rows[i][0]);
            var pgPerimeter = PostgisOracle.Number(rows[i][1]);
            var pgArea4326 = PostgisOracle.Number(rows[i][2]);
            Check(failures, cases[i].Name + " area", area, pgArea);
            Check(failures, cases[i].Name + " perimeter", perimeter, pgPerimeter);
            // The documented claim: the WGS84 ellipsoid changes areas by under 1e-9 relative.
            Check(failures, cases[i].Name + " area 4326 vs 4490", pgArea4326, pgArea, 1e-9);
        }
        Assert.True(failures.Length == 0, failures.ToString());
        // The cases span the sizes asked for: about 1 km² to over 10 000 km².
        var areas = rows.Select(r => PostgisOracle.Number(r[0])).ToList();
        Assert.True(areas.Min() < 2e6 && areas.Max() > 1e10, $"areas span {areas.Min():E2}–{areas.Max():E2} m²");
    }

    [Fact]
    public void LengthMatchesPostgisGeography()
    {
        var random = new Random(17);
        var lines = new List<string>();
        foreach (var (_, lon, lat) in Places)
        {
            // Short steps (tens of metres) and long jumps (up to ~300 km) in one line.
            var coords = new List<(double, double)> { (lon, lat) };
            for (var k = 0; k < 30; k++)
            {
                var step = k % 5 == 0 ? 2.5 : 0.0005;
                var (px, py) = coords[^1];
                coords.Add((px + (random.NextDouble() - 0.5) * step, py + (random.NextDouble() - 0.5) * step));
            }
            lines.Add("LINESTRING (" + string.Join(", ", coords.Select(Format)) + ")");
        }
        lines.Add($"MULTILINESTRING (({Format((117.0, 39.0))}, {Format((117.001, 39.0))}), ({Format((110.0, 20.0))}, {Format((130.0, 50.0))}))");
        var rows = QueryAll(lines, "ST_Length(g::geography)");
        var failures = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            Check(failures, $"line {i}", EllipsoidalMeasure.LengthMeters(new WKTReader().Read(lines[i])), PostgisOracle.Number(rows[i][0]));
        }
        Assert.True(failures.Length == 0, failures.ToString());
    }

    [Fact]
    public void PolygonHasNoLengthAndLineHasNoArea()
    {
        var reader = new WKTReader();
        Assert.Equal(0, EllipsoidalMeasure.LengthMeters(reader.Read("POLYGON ((117 39, 117.1 39, 117.1 39.1, 117 39))")));
        Assert.Equal(0, EllipsoidalMeasure.AreaSquareMeters(reader.Read("LINESTRING (117 39, 117.1 39)")));
        Assert.Equal(0, EllipsoidalMeasure.AreaSquareMeters(reader.Read("POLYGON EMPTY")));
    }

    private static List<(string Name, string Wkt)> PolygonCases()
    {
        var random = new Random(4490);
        var cases = new List<(string, string)>();
        foreach (var (name, lon, lat) in Places)
        {
            // Mean radius 0.56 km (≈1 km²) to 60 km (≈11 000 km²), irregular, 6–60 vertices.
            foreach (var radiusKm in new[] { 0.56, 3.0, 12.0, 30.0, 60.0 })
            {
                var vertices = random.Next(6, 61);
                var shell = Star(random, lon, lat, radiusKm, vertices);
                cases.Add(($"{name} r={radiusKm}km n={vertices}", $"POLYGON (({shell}))"));
            }
            var outer = Star(random, lon, lat, 20, 40);
            var hole1 = Star(random, lon - 0.05, lat, 4, 12, reverse: true);
            var hole2 = Star(random, lon + 0.08, lat + 0.05, 2, 8, reverse: true);
            cases.Add(($"{name} with holes", $"POLYGON (({outer}), ({hole1}), ({hole2}))"));
            var part1 = Star(random, lon, lat, 5, 20);
            var part2 = Star(random, lon + 0.7, lat - 0.4, 15, 25);
            var part3 = Star(random, lon - 0.5, lat + 0.6, 1, 7);
            cases.Add(($"{name} multipart", $"MULTIPOLYGON ((({part1})), (({part2})), (({part3})))"));
            // Four long geodesic edges (about 100 km): only densification along the geodesic gets these right.
            var d = 0.5;
            cases.Add(($"{name} 1°×1° quad", $"POLYGON (({Format((lon - d, lat - d))}, {Format((lon + d, lat - d))}, {Format((lon + d, lat + d))}, {Format((lon - d, lat + d))}, {Format((lon - d, lat - d))}))"));
        }
        return cases;
    }

    private static string Star(Random random, double lon, double lat, double radiusKm, int vertices, bool reverse = false)
    {
        var points = new List<(double, double)>();
        for (var k = 0; k < vertices; k++)
        {
            var angle = 2 * Math.PI * k / vertices * (reverse ? -1 : 1);
            var r = radiusKm * (0.75 + 0.5 * random.NextDouble());
            points.Add((lon + r * Math.Sin(angle) / (111.32 * Math.Cos(lat * Math.PI / 180)), lat + r * Math.Cos(angle) / 110.6));
        }
        points.Add(points[0]);
        return string.Join(", ", points.Select(Format));
    }

    private static string Format((double X, double Y) p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.X:R} {p.Y:R}");

    private static string[][] QueryAll(IReadOnlyList<string> wkts, string columns)
    {
        var sql = new StringBuilder("SELECT id, ").Append(columns)
            .Append(" FROM (SELECT id, ST_GeomFromText(wkt, 4490) AS g FROM (VALUES ");
        for (var i = 0; i < wkts.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append('(').Append(i).Append(", '").Append(wkts[i]).Append("')");
        }
        sql.Append(") AS t(id, wkt)) AS s ORDER BY id;\n");
        var rows = PostgisOracle.Query(sql.ToString());
        Assert.Equal(wkts.Count, rows.Length);
        // Drop the id column after checking the order.
        return rows.Select((r, i) =>
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), r[0]);
            return r[1..];
        }).ToArray();
    }

    private static void Check(StringBuilder failures, string what, double actual, double expected, double tolerance = RelativeTolerance)
    {
        var relative = Math.Abs(actual - expected) / Math.Abs(expected);
        if (!(relative <= tolerance))
        {
            failures.AppendLine(CultureInfo.InvariantCulture, $"{what}: ours {actual:R}, PostGIS {expected:R}, relative {relative:E2}");
        }
    }
}
