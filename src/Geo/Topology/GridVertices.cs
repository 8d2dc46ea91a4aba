using Boundaries.Geo.Validation;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;

namespace Boundaries.Geo.Topology;

/// <summary>
/// The vertices of all divisions put in one metric frame (usually every level of a set): each distinct source point is
/// projected once, each distinct 1 mm grid point numbered once, and every ring becomes an array of grid point ids —
/// shared edges of neighbours and of levels above are projected, snapped and (later) unprojected only once.
/// </summary>
internal sealed class GridVertices
{
    private GridVertices(long[] x, long[] y, int count) => (X, Y, Count) = (x, y, count);

    /// <summary>Easting of each grid point in millimetres.</summary>
    public long[] X { get; }

    /// <summary>Northing of each grid point in millimetres.</summary>
    public long[] Y { get; }

    /// <summary>How many distinct grid points there are.</summary>
    public int Count { get; }

    /// <summary>
    /// The grid points of <paramref name="geometries"/> and, in <paramref name="rings"/>[i], the rings of geometry i as
    /// <see cref="MetricFrame.ToMetric"/> makes them: consecutive equal points merged, closed (first id repeated last),
    /// rings of fewer than 4 points dropped, a polygon whose shell collapses dropped whole, shells counter-clockwise and
    /// holes clockwise by NTS's orientation test on the same metric coordinates.
    /// </summary>
    public static GridVertices Build(MetricFrame frame, IReadOnlyList<Geometry> geometries, out List<int[]>[] rings)
    {
        // 1. Distinct source points, in the order met (one thread: a hash of the coordinates' bits).
        var total = geometries.Sum(g => g.NumPoints);
        var (sourceX, sourceY) = (new long[total], new long[total]);
        var sourceCount = 0;
        var sources = new GridPointTable(total);
        var raw = new List<(int[] Ids, bool Shell)>[geometries.Count];
        for (var g = 0; g < geometries.Count; g++)
        {
            raw[g] = [];
            var geometry = geometries[g];
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                if (geometry.GetGeometryN(i) is not Polygon p || p.IsEmpty)
                {
                    continue;
                }
                raw[g].Add((SourceIds(p.ExteriorRing.CoordinateSequence), true));
                for (var h = 0; h < p.NumInteriorRings; h++)
                {
                    raw[g].Add((SourceIds(p.GetInteriorRingN(h).CoordinateSequence), false));
                }
            }
        }

        // 2. Each distinct source point projected and snapped once, over the cores.
        var (snappedX, snappedY) = (new long[sourceCount], new long[sourceCount]);
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, sourceCount, 8192), range =>
        {
            for (var s = range.Item1; s < range.Item2; s++)
            {
                frame.SourceToGrid(BitConverter.Int64BitsToDouble(sourceX[s]), BitConverter.Int64BitsToDouble(sourceY[s]), out snappedX[s], out snappedY[s]);
            }
        });

        // 3. Distinct grid points (two source points within a millimetre become one).
        var (x, y) = (new long[sourceCount], new long[sourceCount]);
        var count = 0;
        var grid = new GridPointTable(sourceCount);
        var gridOf = new int[sourceCount];
        for (var s = 0; s < sourceCount; s++)
        {
            var id = grid.FindOrAdd(snappedX[s], snappedY[s], x, y, count);
            if (id == count)
            {
                (x[id], y[id]) = (snappedX[s], snappedY[s]);
                count++;
            }
            gridOf[s] = id;
        }
        var vertices = new GridVertices(x, y, count);

        // 4. Rings of grid ids, oriented, geometry by geometry over the cores.
        var result = new List<int[]>[geometries.Count];
        Parallel.For(0, geometries.Count, g =>
        {
            result[g] = [];
            var shellKept = false;
            foreach (var (ids, shell) in raw[g])
            {
                if (!shell && !shellKept)
                {
                    continue;
                }
                var ring = vertices.Ring(ids, gridOf, counterClockwise: shell);
                if (shell)
                {
                    shellKept = ring is not null;
                }
                if (ring is not null)
                {
                    result[g].Add(ring);
                }
            }
        });
        rings = result;
        return vertices;

        int[] SourceIds(CoordinateSequence sequence)
        {
            var ids = new int[sequence.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                var (bx, by) = (BitConverter.DoubleToInt64Bits(sequence.GetX(i)), BitConverter.DoubleToInt64Bits(sequence.GetY(i)));
                var id = sources.FindOrAdd(bx, by, sourceX, sourceY, sourceCount);
                if (id == sourceCount)
                {
                    (sourceX[id], sourceY[id]) = (bx, by);
                    sourceCount++;
                }
                ids[i] = id;
            }
            return ids;
        }
    }

    private int[]? Ring(int[] sourceIds, int[] gridOf, bool counterClockwise)
    {
        var ring = new int[sourceIds.Length + 1];
        var n = 0;
        foreach (var s in sourceIds)
        {
            var id = gridOf[s];
            if (n == 0 || ring[n - 1] != id)
            {
                ring[n++] = id;
            }
        }
        if (n > 0 && ring[0] != ring[n - 1])
        {
            ring[n++] = ring[0];
        }
        if (n < 4)
        {
            return null;
        }
        Array.Resize(ref ring, n);
        // NTS's orientation test on exactly the coordinates MetricFrame.ToMetric would give it, so rings turn the same way.
        var metric = new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            (metric[2 * i], metric[2 * i + 1]) = (X[ring[i]] / MetricFrame.GridScale, Y[ring[i]] / MetricFrame.GridScale);
        }
        if (Orientation.IsCCW(new PackedDoubleCoordinateSequence(metric, 2, 0)) != counterClockwise)
        {
            Array.Reverse(ring);
        }
        return ring;
    }
}
