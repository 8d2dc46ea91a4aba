using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;

namespace Boundaries.Benchmarks.Locate;

/// <summary>
/// A stand-in for the generated sample city: a jittered Voronoi tiling of about 250 townships over 1.7° × 1° near
/// 117°E 39°N, under 16 districts, every edge densified (identically on both sides) until the township level holds
/// about <c>targetVertices</c> coordinates.
/// </summary>
internal static class SyntheticCity
{
    private static readonly GeometryFactory Factory = new();

    public static List<Division> Build(int seed = 7, int targetVertices = 1_000_000)
    {
        var random = new Random(seed);
        var box = new Envelope(116.4, 118.1, 38.6, 39.6);
        var sites = Jittered(random, box, cols: 21, rows: 12);
        var townships = Voronoi(sites, box);
        var districtSites = Jittered(random, box, cols: 4, rows: 4);
        var parentOf = townships.Select(t => Nearest(districtSites, t.Centroid.Coordinate)).ToArray();

        var perimeter = townships.Sum(t => t.Length);
        var step = perimeter / targetVertices;
        var result = new List<Division>();
        for (var i = 0; i < townships.Count; i++)
        {
            var parent = $"1201{parentOf[i] + 1:00}";
            result.Add(new Division($"{parent}{i + 1:000}", $"t{i}", DivisionLevel.Township, parent, Densify(townships[i], step)));
        }
        for (var p = 0; p < districtSites.Count; p++)
        {
            var members = townships.Where((_, i) => parentOf[i] == p).ToList();
            if (members.Count == 0)
            {
                continue;
            }
            var union = CascadedPolygonUnion.Union(members);
            result.Add(new Division($"1201{p + 1:00}", $"d{p}", DivisionLevel.District, "120100", Densify(union, step)));
        }
        return result;
    }

    private static List<Coordinate> Jittered(Random random, Envelope box, int cols, int rows)
    {
        var sites = new List<Coordinate>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                sites.Add(new Coordinate(
                    box.MinX + (c + 0.15 + 0.7 * random.NextDouble()) * box.Width / cols,
                    box.MinY + (r + 0.15 + 0.7 * random.NextDouble()) * box.Height / rows));
            }
        }
        return sites;
    }

    private static List<Geometry> Voronoi(List<Coordinate> sites, Envelope box)
    {
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        builder.ClipEnvelope = box;
        var diagram = builder.GetDiagram(Factory);
        var clip = Factory.ToGeometry(box);
        return Enumerable.Range(0, diagram.NumGeometries).Select(i => diagram.GetGeometryN(i).Intersection(clip)).ToList();
    }

    private static int Nearest(List<Coordinate> sites, Coordinate c) =>
        Enumerable.Range(0, sites.Count).MinBy(i => sites[i].Distance(c));

    /// <summary>Splits every segment into pieces of at most <paramref name="step"/> degrees, computed from the smaller endpoint so neighbours agree bit for bit.</summary>
    private static Geometry Densify(Geometry g, double step)
    {
        var polygons = new List<Polygon>();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            var p = (Polygon)g.GetGeometryN(i);
            polygons.Add(Factory.CreatePolygon(Ring(p.Shell), p.Holes.Select(Ring).ToArray()));
        }
        return polygons.Count == 1 ? polygons[0] : Factory.CreateMultiPolygon([.. polygons]);

        LinearRing Ring(LineString ring)
        {
            var coords = ring.Coordinates;
            var output = new List<Coordinate>();
            for (var i = 0; i + 1 < coords.Length; i++)
            {
                var (a, b) = (coords[i], coords[i + 1]);
                var forward = a.X < b.X || (a.X == b.X && a.Y < b.Y);
                var (p, q) = forward ? (a, b) : (b, a);
                var n = Math.Max(1, (int)Math.Ceiling(p.Distance(q) / step));
                var piece = new List<Coordinate>();
                for (var k = 0; k < n; k++)
                {
                    piece.Add(new Coordinate(p.X + (q.X - p.X) * k / n, p.Y + (q.Y - p.Y) * k / n));
                }
                piece.Add(q.Copy());
                if (!forward)
                {
                    piece.Reverse();
                }
                output.AddRange(piece.Take(piece.Count - 1));
            }
            output.Add(output[0].Copy());
            return Factory.CreateLinearRing([.. output]);
        }
    }
}
