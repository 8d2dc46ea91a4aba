using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Boundaries.Geo.Subdivide;

/// <summary>
/// One polygon while it is being cut: its rings as flat closed arrays of interleaved x, y (ring 0 the shell, the
/// others holes), so a cut reads and writes plain doubles.
/// </summary>
internal sealed class CutPiece
{
    public CutPiece(List<double[]> rings)
    {
        Rings = rings;
        foreach (var ring in rings)
        {
            VertexCount += ring.Length / 2;
        }
    }

    /// <summary>Shell first, then holes; each closed (last point = first point).</summary>
    public List<double[]> Rings { get; }

    /// <summary>Points of every ring, closing points included (as ST_NPoints counts them).</summary>
    public int VertexCount { get; }

    public static CutPiece From(Polygon polygon)
    {
        // The shell counter-clockwise and the holes clockwise: the inside is on the left of every ring, as AxisCut expects.
        var rings = new List<double[]>(1 + polygon.NumInteriorRings) { Flatten(polygon.ExteriorRing.CoordinateSequence, counterClockwise: true) };
        for (var i = 0; i < polygon.NumInteriorRings; i++)
        {
            rings.Add(Flatten(polygon.GetInteriorRingN(i).CoordinateSequence, counterClockwise: false));
        }
        return new CutPiece(rings);
    }

    /// <summary>The shell's bounding box (holes lie inside it).</summary>
    public Envelope Bounds()
    {
        var shell = Rings[0];
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (var i = 0; i < shell.Length; i += 2)
        {
            minX = Math.Min(minX, shell[i]);
            maxX = Math.Max(maxX, shell[i]);
            minY = Math.Min(minY, shell[i + 1]);
            maxY = Math.Max(maxY, shell[i + 1]);
        }
        return new Envelope(minX, maxX, minY, maxY);
    }

    public Polygon ToPolygon(GeometryFactory factory)
    {
        var shell = factory.CreateLinearRing(ToCoordinates(Rings[0]));
        var holes = new LinearRing[Rings.Count - 1];
        for (var i = 1; i < Rings.Count; i++)
        {
            holes[i - 1] = factory.CreateLinearRing(ToCoordinates(Rings[i]));
        }
        return factory.CreatePolygon(shell, holes);
    }

    private static double[] Flatten(CoordinateSequence sequence, bool counterClockwise)
    {
        var flat = new double[sequence.Count * 2];
        var reverse = NetTopologySuite.Algorithm.Orientation.IsCCW(sequence) != counterClockwise;
        for (var i = 0; i < sequence.Count; i++)
        {
            var k = reverse ? sequence.Count - 1 - i : i;
            flat[2 * i] = sequence.GetX(k);
            flat[2 * i + 1] = sequence.GetY(k);
        }
        return flat;
    }

    /// <summary>The flat array itself as the ring's points (no copy: each array belongs to one piece).</summary>
    private static PackedDoubleCoordinateSequence ToCoordinates(double[] flat) => new(flat, 2, 0);
}
