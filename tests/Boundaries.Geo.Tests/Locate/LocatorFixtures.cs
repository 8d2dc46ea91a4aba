using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;

namespace Boundaries.Geo.Tests.Locate;

/// <summary>Small synthetic coverages for the locator tests: Voronoi tilings with shared vertices, holes and parents.</summary>
internal static class LocatorFixtures
{
    public static readonly GeometryFactory Factory = new();

    /// <summary>
    /// A Voronoi tiling of <paramref name="cells"/> seeds over a box near Tianjin, as township-level divisions, grouped
    /// under <paramref name="parents"/> district-level unions; seeds snapped to a 1e-4° grid so some edges run exactly
    /// horizontal or vertical and vertices repeat along the box.
    /// </summary>
    public static List<Division> Tiling(int seed, int cells = 40, int parents = 4)
    {
        var random = new Random(seed);
        var box = new Envelope(117.0, 117.5, 39.0, 39.3);
        var seeds = new List<Coordinate>();
        while (seeds.Count < cells)
        {
            var c = new Coordinate(Math.Round(box.MinX + random.NextDouble() * box.Width, 4), Math.Round(box.MinY + random.NextDouble() * box.Height, 4));
            if (!seeds.Any(s => s.Equals2D(c)))
            {
                seeds.Add(c);
            }
        }
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(seeds);
        builder.ClipEnvelope = box;
        var diagram = builder.GetDiagram(Factory);
        var clip = Factory.ToGeometry(box);
        var townships = new List<Division>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = diagram.GetGeometryN(i).Intersection(clip);
            var parent = $"1201{(i % parents) + 1:00}";
            townships.Add(new Division($"{parent}{i + 1:000}", $"t{i}", DivisionLevel.Township, parent, cell));
        }
        var result = new List<Division>(townships);
        for (var p = 1; p <= parents; p++)
        {
            var code = $"1201{p:00}";
            var union = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(
                townships.Where(t => t.ParentCode == code).Select(t => t.Geometry).ToList());
            result.Add(new Division(code, $"d{p}", DivisionLevel.District, "120100", union));
        }
        return result;
    }

    /// <summary>Test points: uniform random ones, every vertex, and points on edges (midpoints NTS puts on a boundary, and near-misses).</summary>
    public static List<Coordinate> Points(IReadOnlyList<Division> divisions, int seed, int random)
    {
        var rng = new Random(seed);
        var envelope = new Envelope();
        foreach (var d in divisions)
        {
            envelope.ExpandToInclude(d.Geometry.EnvelopeInternal);
        }
        envelope.ExpandBy(0.02);
        var points = new List<Coordinate>();
        for (var i = 0; i < random; i++)
        {
            points.Add(new Coordinate(envelope.MinX + rng.NextDouble() * envelope.Width, envelope.MinY + rng.NextDouble() * envelope.Height));
        }
        foreach (var d in divisions)
        {
            var coords = d.Geometry.Coordinates;
            foreach (var c in coords)
            {
                points.Add(c.Copy());
            }
            for (var i = 0; i + 1 < coords.Length; i++)
            {
                var (a, b) = (coords[i], coords[i + 1]);
                points.Add(new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2));
                // A point on a 1e-8° grid near the edge, and one along the horizontal/vertical of a vertex.
                var t = rng.NextDouble();
                points.Add(new Coordinate(Math.Round(a.X + t * (b.X - a.X), 8), Math.Round(a.Y + t * (b.Y - a.Y), 8)));
                points.Add(new Coordinate(a.X + rng.NextDouble() * 1e-3, a.Y));
                points.Add(new Coordinate(a.X, a.Y - rng.NextDouble() * 1e-3));
            }
        }
        return points;
    }
}
