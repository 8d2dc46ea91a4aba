using System.Runtime.InteropServices;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Validation;

/// <summary>
/// The segment index of one coverage on the 1 mm grid: every ring segment of every member counted by direction, with
/// rings oriented interior-on-the-left. A segment that one member has as (p, q) and its neighbour as (q, p) cancels:
/// the covering count is the same on both sides. The parent's rings are counted with the opposite sign, so a clean
/// tiling of a known parent cancels completely. What does not cancel — the <em>unmatched</em> segments — is the
/// only place the covering count (members minus parent) changes, so gaps, overlaps and pieces outside the parent are
/// all bounded by unmatched segments, and the expensive geometry is needed only there.
/// </summary>
internal static class SegmentIndex
{
    /// <summary>An unmatched segment and the index of the geometry it came from.</summary>
    public readonly record struct Unmatched(Coordinate A, Coordinate B, int Owner);

    /// <summary>
    /// The unmatched segments of <paramref name="geometries"/> (metric, snapped, oriented); geometry i counts with
    /// sign <paramref name="signs"/>[i].
    /// </summary>
    public static List<Unmatched> Find(IReadOnlyList<Geometry> geometries, IReadOnlyList<int> signs)
    {
        var total = 0;
        foreach (var g in geometries)
        {
            total += g.NumPoints;
        }
        var net = new Dictionary<Key, int>(total);
        for (var i = 0; i < geometries.Count; i++)
        {
            var sign = signs[i];
            ForEachSegment(geometries[i], (a, b) =>
            {
                var (key, forward) = Key.Of(a, b);
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(net, key, out _);
                count += forward ? sign : -sign;
            });
        }
        var result = new List<Unmatched>();
        for (var i = 0; i < geometries.Count; i++)
        {
            var owner = i;
            ForEachSegment(geometries[i], (a, b) =>
            {
                if (net[Key.Of(a, b).Key] != 0)
                {
                    result.Add(new Unmatched(a, b, owner));
                }
            });
        }
        return result;
    }

    private static void ForEachSegment(Geometry geometry, Action<Coordinate, Coordinate> action)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon p)
            {
                continue;
            }
            Ring(p.ExteriorRing, action);
            for (var h = 0; h < p.NumInteriorRings; h++)
            {
                Ring(p.GetInteriorRingN(h), action);
            }
        }
    }

    private static void Ring(LineString ring, Action<Coordinate, Coordinate> action)
    {
        var c = ring.Coordinates;
        for (var k = 0; k + 1 < c.Length; k++)
        {
            action(c[k], c[k + 1]);
        }
    }

    /// <summary>An undirected segment as grid integers, endpoints in lexicographic order.</summary>
    private readonly record struct Key(long Ax, long Ay, long Bx, long By)
    {
        public static (Key Key, bool Forward) Of(Coordinate a, Coordinate b)
        {
            var (ax, ay) = (Grid(a.X), Grid(a.Y));
            var (bx, by) = (Grid(b.X), Grid(b.Y));
            var forward = ax < bx || (ax == bx && ay < by);
            return forward ? (new Key(ax, ay, bx, by), true) : (new Key(bx, by, ax, ay), false);
        }

        private static long Grid(double v) => (long)Math.Round(v * MetricFrame.GridScale);
    }
}
