using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Boundaries.Geo.Validation;

/// <summary>The rings of a coverage as integer grid coordinates, and grid points back to longitude/latitude.</summary>
internal sealed partial class MetricFrame
{
    /// <summary>
    /// The rings of the polygonal parts of <paramref name="geometry"/> on the 1 mm grid, as <see cref="ToMetric"/> makes
    /// them (consecutive equal vertices merged, closed, rings of fewer than 4 points dropped, a polygon whose shell
    /// collapses dropped whole, shells counter-clockwise and holes clockwise), each as interleaved integer millimetres
    /// (x0, y0, x1, y1, …) with the closing point repeated. No NTS geometry is built.
    /// </summary>
    public List<long[]> ToGridRings(Geometry geometry)
    {
        var rings = new List<long[]>(geometry.NumGeometries);
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon p || p.IsEmpty)
            {
                continue;
            }
            if (GridRing(p.ExteriorRing.CoordinateSequence, counterClockwise: true) is not { } shell)
            {
                continue;
            }
            rings.Add(shell);
            for (var h = 0; h < p.NumInteriorRings; h++)
            {
                if (GridRing(p.GetInteriorRingN(h).CoordinateSequence, counterClockwise: false) is { } hole)
                {
                    rings.Add(hole);
                }
            }
        }
        return rings;
    }

    /// <summary>The longitude/latitude of a grid point (integer millimetres of the metric plane).</summary>
    public void GridToLonLat(long x, long y, out double lon, out double lat)
    {
        _tm.Inverse(x / GridScale, y / GridScale, out lon, out lat);
        lon = WrapNear(lon, 0);
    }

    private long[]? GridRing(CoordinateSequence sequence, bool counterClockwise)
    {
        var n = sequence.Count;
        var grid = new long[2 * n + 2];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            double x = sequence.GetX(i), y = sequence.GetY(i);
            if (!_sourceIsMetric)
            {
                _tm.Forward(x, y, out x, out y);
            }
            var (gx, gy) = ((long)Math.Round(x * GridScale), (long)Math.Round(y * GridScale));
            if (count == 0 || grid[2 * count - 2] != gx || grid[2 * count - 1] != gy)
            {
                (grid[2 * count], grid[2 * count + 1]) = (gx, gy);
                count++;
            }
        }
        if (count > 0 && (grid[0] != grid[2 * count - 2] || grid[1] != grid[2 * count - 1]))
        {
            (grid[2 * count], grid[2 * count + 1]) = (grid[0], grid[1]);
            count++;
        }
        if (count < 4)
        {
            return null;
        }
        Array.Resize(ref grid, 2 * count);
        // NTS's orientation test on exactly the coordinates ToMetric would give it, so rings turn the same way.
        var metric = new double[grid.Length];
        for (var i = 0; i < grid.Length; i++)
        {
            metric[i] = grid[i] / GridScale;
        }
        if (Orientation.IsCCW(new PackedDoubleCoordinateSequence(metric, 2, 0)) != counterClockwise)
        {
            ReversePairs(grid);
        }
        return grid;
    }

    private static void ReversePairs(long[] xy)
    {
        for (int i = 0, j = xy.Length - 2; i < j; i += 2, j -= 2)
        {
            (xy[i], xy[j]) = (xy[j], xy[i]);
            (xy[i + 1], xy[j + 1]) = (xy[j + 1], xy[i + 1]);
        }
    }
}
