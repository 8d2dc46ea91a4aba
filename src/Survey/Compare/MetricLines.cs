using Boundaries.Geo.Crs;
using Boundaries.Geo.Topology;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Boundaries.Survey.Compare;

/// <summary>
/// Boundary lines in the Gauss-Krüger plane of their data, with a segment index: nearest line to a point, the
/// position along it (metres from its first vertex) and the signed offset (positive = left of the line's direction).
/// </summary>
internal sealed class MetricLines
{
    private readonly STRtree<(int Line, int Segment)> index = new();

    public MetricLines(IReadOnlyList<BoundaryLine> lines)
    {
        Lines = lines;
        var all = lines.Select(l => (Geometry)l.Geometry).ToList();
        Crs = all.Count > 0 ? GaussKrugerZone.MetricCrsFor(all) : CrsCode.GaussKruger(39, false);
        ToMetric = CoordinateTransformer.Create(CrsCode.Cgcs2000, Crs);
        ToLonLat = CoordinateTransformer.Create(Crs, CrsCode.Cgcs2000);
        Coordinates = new Coordinate[lines.Count][];
        Cumulative = new double[lines.Count][];
        for (var i = 0; i < lines.Count; i++)
        {
            var c = lines[i].Geometry.Coordinates.Select(p =>
            {
                var (e, n) = ToMetric.Transform(p.X, p.Y);
                return new Coordinate(e, n);
            }).ToArray();
            Coordinates[i] = c;
            var cum = new double[c.Length];
            for (var k = 1; k < c.Length; k++)
            {
                cum[k] = cum[k - 1] + c[k - 1].Distance(c[k]);
                index.Insert(new Envelope(c[k - 1], c[k]), (i, k - 1));
            }
            Cumulative[i] = cum;
        }
        index.Build();
    }

    public IReadOnlyList<BoundaryLine> Lines { get; }

    public CrsCode Crs { get; }

    public CoordinateTransformer ToMetric { get; }

    public CoordinateTransformer ToLonLat { get; }

    /// <summary>Vertices of each line in metres.</summary>
    public Coordinate[][] Coordinates { get; }

    /// <summary>Distance along each line to each vertex, metres.</summary>
    public double[][] Cumulative { get; }

    public double PlaneLength(int line) => Cumulative[line][^1];

    /// <summary>The nearest line within <paramref name="radius"/> (optionally only among <paramref name="accept"/>); null when none.</summary>
    public Projection? Nearest(double e, double n, double radius, Func<int, bool>? accept = null)
    {
        var env = new Envelope(e - radius, e + radius, n - radius, n + radius);
        Projection? best = null;
        foreach (var (line, seg) in index.Query(env))
        {
            if (accept is not null && !accept(line))
            {
                continue;
            }
            var p = Project(line, seg, e, n);
            if (p.Distance <= radius && (best is null || p.Distance < best.Value.Distance || (p.Distance == best.Value.Distance && line < best.Value.Line)))
            {
                best = p;
            }
        }
        return best;
    }

    /// <summary>The projection onto one given line (every segment checked).</summary>
    public Projection ProjectOnto(int line, double e, double n)
    {
        Projection? best = null;
        for (var k = 0; k + 1 < Coordinates[line].Length; k++)
        {
            var p = Project(line, k, e, n);
            if (best is null || p.Distance < best.Value.Distance)
            {
                best = p;
            }
        }
        return best ?? throw new InvalidOperationException("line without segments");
    }

    /// <summary>The point at <paramref name="along"/> metres from the start, and the unit direction of its segment.</summary>
    public (double E, double N, double Dx, double Dy) PointAt(int line, double along)
    {
        var c = Coordinates[line];
        var cum = Cumulative[line];
        var k = Array.BinarySearch(cum, Math.Clamp(along, 0, cum[^1]));
        var seg = k >= 0 ? Math.Min(k, c.Length - 2) : Math.Max(0, ~k - 1);
        var len = cum[seg + 1] - cum[seg];
        var t = len > 0 ? (Math.Clamp(along, 0, cum[^1]) - cum[seg]) / len : 0;
        var dx = len > 0 ? (c[seg + 1].X - c[seg].X) / len : 1;
        var dy = len > 0 ? (c[seg + 1].Y - c[seg].Y) / len : 0;
        return (c[seg].X + t * (c[seg + 1].X - c[seg].X), c[seg].Y + t * (c[seg + 1].Y - c[seg].Y), dx, dy);
    }

    private Projection Project(int line, int seg, double e, double n)
    {
        var a = Coordinates[line][seg];
        var b = Coordinates[line][seg + 1];
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var len2 = dx * dx + dy * dy;
        var t = len2 > 0 ? Math.Clamp(((e - a.X) * dx + (n - a.Y) * dy) / len2, 0, 1) : 0;
        var px = a.X + t * dx;
        var py = a.Y + t * dy;
        var distance = Math.Sqrt((e - px) * (e - px) + (n - py) * (n - py));
        var cross = dx * (n - a.Y) - dy * (e - a.X);
        var along = Cumulative[line][seg] + t * Math.Sqrt(len2);
        return new Projection(line, along, distance, cross > 0 ? distance : cross < 0 ? -distance : 0);
    }

    /// <summary>A point's foot on a line: index of the line, metres along it, distance, signed offset (left positive).</summary>
    public readonly record struct Projection(int Line, double Along, double Distance, double SignedOffset);
}
