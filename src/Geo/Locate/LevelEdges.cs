using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Locate;

/// <summary>
/// The ring segments of one level's divisions, each distinct segment stored once with up to two owners (the two
/// divisions it separates in a clean coverage). Zero-length segments are dropped: they cross no ray and a point on
/// one is on the neighbouring segments too.
/// </summary>
internal sealed class LevelEdges
{
    private LevelEdges(double[] ax, double[] ay, double[] bx, double[] by, int[] owner0, int[] owner1)
    {
        Ax = ax;
        Ay = ay;
        Bx = bx;
        By = by;
        Owner0 = owner0;
        Owner1 = owner1;
    }

    public double[] Ax { get; }
    public double[] Ay { get; }
    public double[] Bx { get; }
    public double[] By { get; }

    /// <summary>The division (locator-wide index) whose ring holds the segment.</summary>
    public int[] Owner0 { get; }

    /// <summary>A second division whose ring holds the same segment; -1 when none.</summary>
    public int[] Owner1 { get; }

    public int Count => Ax.Length;

    /// <summary>Collects the distinct segments of every ring of the given divisions.</summary>
    /// <param name="members">(locator-wide division index, polygonal geometry in lon/lat).</param>
    public static LevelEdges Collect(IReadOnlyList<(int Index, Geometry Geometry)> members)
    {
        var ax = new List<double>();
        var ay = new List<double>();
        var bx = new List<double>();
        var by = new List<double>();
        var o0 = new List<int>();
        var o1 = new List<int>();
        var seen = new Dictionary<(double, double, double, double), int>();
        foreach (var (index, geometry) in members)
        {
            for (var p = 0; p < geometry.NumGeometries; p++)
            {
                if (geometry.GetGeometryN(p) is not Polygon polygon || polygon.IsEmpty)
                {
                    continue;
                }
                AddRing(polygon.ExteriorRing.CoordinateSequence, index);
                foreach (var hole in polygon.InteriorRings)
                {
                    AddRing(hole.CoordinateSequence, index);
                }
            }
        }
        return new LevelEdges([.. ax], [.. ay], [.. bx], [.. by], [.. o0], [.. o1]);

        void AddRing(CoordinateSequence seq, int owner)
        {
            for (var i = 0; i + 1 < seq.Count; i++)
            {
                double x1 = seq.GetX(i), y1 = seq.GetY(i), x2 = seq.GetX(i + 1), y2 = seq.GetY(i + 1);
                if (x1 == x2 && y1 == y2)
                {
                    continue;
                }
                // The key is direction-free: the ray test is symmetric in the two endpoints.
                var key = (x1 < x2 || (x1 == x2 && y1 < y2)) ? (x1, y1, x2, y2) : (x2, y2, x1, y1);
                if (seen.TryGetValue(key, out var e) && o1[e] < 0 && o0[e] != owner)
                {
                    o1[e] = owner;
                    continue;
                }
                if (!seen.ContainsKey(key))
                {
                    seen.Add(key, ax.Count);
                }
                ax.Add(x1);
                ay.Add(y1);
                bx.Add(x2);
                by.Add(y2);
                o0.Add(owner);
                o1.Add(-1);
            }
        }
    }
}
