using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Normalize;

/// <summary>Snaps polygon vertices to a grid and cleans up what snapping leaves behind.</summary>
internal static class GridSnapper
{
    private const double NoiseFraction = 1e-3;

    /// <summary>
    /// A copy of <paramref name="geometry"/> (Polygon or MultiPolygon) with every vertex on the grid of
    /// <paramref name="precision"/> and consecutive equal vertices merged.
    /// </summary>
    public static Geometry Snap(Geometry geometry, PrecisionModel precision, out int moved, out double maxShift, out int merged)
    {
        var (m, s, r) = (0, 0.0, 0);
        var factory = geometry.Factory;
        Polygon SnapPolygon(Polygon p) => factory.CreatePolygon(
            SnapRing(p.ExteriorRing, precision, factory, ref m, ref s, ref r),
            [.. p.InteriorRings.Select(h => SnapRing(h, precision, factory, ref m, ref s, ref r))]);
        Geometry result = geometry switch
        {
            Polygon p => SnapPolygon(p),
            MultiPolygon mp => factory.CreateMultiPolygon([.. mp.Geometries.Cast<Polygon>().Select(SnapPolygon)]),
            _ => throw new ArgumentException($"a division's geometry must be a Polygon or MultiPolygon, not {geometry.GeometryType}", nameof(geometry)),
        };
        (moved, maxShift, merged) = (m, s, r);
        result.SRID = geometry.SRID;
        return result;
    }

    private static LinearRing SnapRing(LineString ring, PrecisionModel precision, GeometryFactory factory, ref int moved, ref double maxShift, ref int merged)
    {
        var source = ring.CoordinateSequence;
        var output = new List<Coordinate>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            var x = source.GetX(i);
            var y = source.GetY(i);
            var sx = precision.MakePrecise(x);
            var sy = precision.MakePrecise(y);
            var shift = Math.Sqrt((sx - x) * (sx - x) + (sy - y) * (sy - y));
            // Moves below a thousandth of the grid are the projection's round-off on data already on the grid.
            if (shift > NoiseFraction / precision.Scale)
            {
                moved++;
                maxShift = Math.Max(maxShift, shift);
            }
            if (output.Count > 0 && output[^1].X == sx && output[^1].Y == sy)
            {
                merged++;
                continue;
            }
            output.Add(new Coordinate(sx, sy));
        }
        // A ring that collapsed to fewer than 4 points is kept degenerate here; DropCollapsedRings removes it.
        while (output.Count < 4)
        {
            output.Add(output.Count > 0 ? output[0].Copy() : new Coordinate(0, 0));
        }
        if (!output[0].Equals2D(output[^1]))
        {
            output.Add(output[0].Copy());
        }
        return factory.CreateLinearRing([.. output]);
    }

    /// <summary>
    /// Removes shells and holes with no area left (fewer than 3 distinct vertices); a polygon whose shell collapsed is
    /// removed with its holes. <paramref name="dropped"/> lists each removed ring with its area after snapping
    /// (0 for a true collapse).
    /// </summary>
    public static Geometry DropCollapsedRings(Geometry geometry, out List<(LineString Ring, double Area)> dropped)
    {
        var gone = new List<(LineString, double)>();
        var factory = geometry.Factory;
        var kept = new List<Polygon>();
        foreach (var polygon in Polygons(geometry))
        {
            if (Collapsed(polygon.Shell))
            {
                gone.Add((polygon.Shell, Math.Abs(NetTopologySuite.Algorithm.Area.OfRingSigned(polygon.Shell.CoordinateSequence))));
                continue;
            }
            var holes = new List<LinearRing>();
            foreach (var hole in polygon.Holes)
            {
                if (Collapsed(hole))
                {
                    gone.Add((hole, Math.Abs(NetTopologySuite.Algorithm.Area.OfRingSigned(hole.CoordinateSequence))));
                }
                else
                {
                    holes.Add(hole);
                }
            }
            kept.Add(holes.Count == polygon.Holes.Length ? polygon : factory.CreatePolygon(polygon.Shell, [.. holes]));
        }
        dropped = gone;
        if (gone.Count == 0)
        {
            return geometry;
        }
        Geometry result = kept.Count == 1 && geometry is Polygon ? kept[0] : factory.CreateMultiPolygon([.. kept]);
        result.SRID = geometry.SRID;
        return result;
    }

    private static IEnumerable<Polygon> Polygons(Geometry g) => g switch
    {
        Polygon p => [p],
        MultiPolygon mp => mp.Geometries.Cast<Polygon>(),
        _ => [],
    };

    private static bool Collapsed(LinearRing ring)
    {
        if (ring.Coordinates.Distinct().Count() < 3)
        {
            return true;
        }
        // A zero signed area is also what a bow-tie has; only a ring whose repair has no area is a collapse.
        return NetTopologySuite.Algorithm.Area.OfRingSigned(ring.CoordinateSequence) == 0
            && NetTopologySuite.Geometries.Utilities.GeometryFixer.Fix(ring.Factory.CreatePolygon(ring)).Area == 0;
    }
}
