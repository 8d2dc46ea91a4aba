using NetTopologySuite.Geometries;

namespace Boundaries.Viewer.Lines;

/// <summary>
/// Replaces one boundary line inside a division's polygon rings: finds the line's vertices as a run of a ring (either
/// direction, across the ring's closing point) and puts the new vertices in their place. Returns a new geometry.
/// </summary>
internal static class RingSplicer
{
    /// <summary>
    /// Matching tolerance in degrees (about 1.3 mm): topology lines come back from the metric plane rounded to its 1 mm
    /// grid, so a vertex not on that grid moves by up to half a millimetre (6e-9° of longitude at 39° N).
    /// </summary>
    private const double ToleranceDegrees = 1.5e-8;

    /// <summary>The geometry with <paramref name="oldLine"/> replaced by <paramref name="newLine"/>; null when the line is not a run of any ring.</summary>
    public static Geometry? Replace(Geometry geometry, Coordinate[] oldLine, Coordinate[] newLine)
    {
        var factory = geometry.Factory;
        var polygons = geometry is MultiPolygon mp ? mp.Geometries.Cast<Polygon>().ToArray() : [(Polygon)geometry];
        for (var p = 0; p < polygons.Length; p++)
        {
            var rings = new[] { polygons[p].Shell }.Concat(polygons[p].Holes).ToArray();
            for (var r = 0; r < rings.Length; r++)
            {
                if (Splice(rings[r].Coordinates, oldLine, newLine) is not { } spliced)
                {
                    continue;
                }
                var newRings = rings.Select((ring, i) => i == r ? factory.CreateLinearRing(spliced) : (LinearRing)ring.Copy()).ToArray();
                var polygon = factory.CreatePolygon(newRings[0], newRings[1..]);
                var all = polygons.Select((x, i) => i == p ? polygon : (Polygon)x.Copy()).ToArray();
                return geometry is MultiPolygon ? factory.CreateMultiPolygon(all) : polygon;
            }
        }
        return null;
    }

    private static Coordinate[]? Splice(Coordinate[] ring, Coordinate[] oldLine, Coordinate[] newLine) =>
        SpliceForward(ring, oldLine, newLine) ?? SpliceForward(ring, [.. oldLine.Reverse()], [.. newLine.Reverse()]);

    private static Coordinate[]? SpliceForward(Coordinate[] ring, Coordinate[] oldLine, Coordinate[] newLine)
    {
        var n = ring.Length - 1;
        var closed = Same(oldLine[0], oldLine[^1]);
        var m = closed ? oldLine.Length - 1 : oldLine.Length;
        if (m > n || (closed && m != n))
        {
            return null;
        }
        for (var s = 0; s < n; s++)
        {
            var match = true;
            for (var k = 0; k < m && match; k++)
            {
                match = Same(ring[(s + k) % n], oldLine[k]);
            }
            if (!match)
            {
                continue;
            }
            var result = new List<Coordinate>(newLine.Select(c => c.Copy()));
            if (!closed)
            {
                for (var k = m; k < n; k++)
                {
                    result.Add(ring[(s + k) % n].Copy());
                }
                result.Add(result[0].Copy());
            }
            return [.. result];
        }
        return null;
    }

    private static bool Same(Coordinate a, Coordinate b) =>
        Math.Abs(a.X - b.X) <= ToleranceDegrees && Math.Abs(a.Y - b.Y) <= ToleranceDegrees;
}
