using Boundaries.Geo.Topology;
using NetTopologySuite.Geometries;

namespace Boundaries.Survey.Conflate;

/// <summary>A boundary line in the conflation plane: its vertices on the 1 mm grid, their grid keys and the distance along it to each.</summary>
internal sealed class PlaneLine
{
    public PlaneLine(BoundaryLine line, ConflationPlane plane)
    {
        Line = line;
        var source = line.Geometry.Coordinates;
        Vertices = new Coordinate[source.Length];
        Keys = new (long, long)[source.Length];
        Cumulative = new double[source.Length];
        for (var k = 0; k < source.Length; k++)
        {
            var (e, n) = plane.FromLonLat.Transform(source[k].X, source[k].Y);
            Vertices[k] = ConflationPlane.Snap(e, n);
            Keys[k] = ConflationPlane.Key(e, n);
            if (k > 0)
            {
                Cumulative[k] = Cumulative[k - 1] + Vertices[k - 1].Distance(Vertices[k]);
            }
        }
        Envelope = new Envelope(Vertices);
    }

    public BoundaryLine Line { get; }

    public Coordinate[] Vertices { get; }

    public (long, long)[] Keys { get; }

    public double[] Cumulative { get; }

    public double Length => Cumulative[^1];

    public Envelope Envelope { get; }

    /// <summary>The nearest point of the line to (e, n).</summary>
    public Foot Project(int index, double e, double n)
    {
        var best = new Foot(index, 0, 0, double.PositiveInfinity);
        for (var k = 0; k + 1 < Vertices.Length; k++)
        {
            var a = Vertices[k];
            var b = Vertices[k + 1];
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var len2 = dx * dx + dy * dy;
            var t = len2 > 0 ? Math.Clamp(((e - a.X) * dx + (n - a.Y) * dy) / len2, 0, 1) : 0;
            var (px, py) = (a.X + t * dx, a.Y + t * dy);
            var d = Math.Sqrt((e - px) * (e - px) + (n - py) * (n - py));
            if (d < best.Distance)
            {
                best = new Foot(index, k, Cumulative[k] + t * Math.Sqrt(len2), d);
            }
        }
        return best;
    }

    /// <summary>A point's foot: line index, segment, metres along, distance.</summary>
    public readonly record struct Foot(int Line, int Segment, double Along, double Distance);
}
