using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>Walks the rings of polygonal geometries with the polygon's interior on the left.</summary>
internal static class RingWalker
{
    /// <summary>Every ring of <paramref name="geometry"/> with whether its stored order has the interior on the left.</summary>
    public static IEnumerable<(Coordinate[] Ring, bool InteriorLeft)> Rings(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon { IsEmpty: false } polygon)
            {
                continue;
            }
            var shell = polygon.ExteriorRing.Coordinates;
            yield return (shell, Orientation.IsCCW(shell));
            foreach (var hole in polygon.InteriorRings)
            {
                var h = hole.Coordinates;
                yield return (h, !Orientation.IsCCW(h));
            }
        }
    }

    /// <summary>The directed segments of every ring, oriented so the interior is on the left; zero-length ones skipped.</summary>
    public static IEnumerable<SegmentKey> InteriorLeftSegments(Geometry geometry, double scale)
    {
        foreach (var (ring, left) in Rings(geometry))
        {
            for (var i = 0; i + 1 < ring.Length; i++)
            {
                var key = SegmentKey.Of(ring[i], ring[i + 1], scale);
                if (!key.IsPoint)
                {
                    yield return left ? key : key.Reversed;
                }
            }
        }
    }
}
