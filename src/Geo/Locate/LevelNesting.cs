using Boundaries.Geo.Model;

namespace Boundaries.Geo.Locate;

/// <summary>
/// Decides whether a level nests exactly in the level above (every lower division names an upper parent, and the upper
/// level's boundary segments are exactly the lower level's segments between divisions of different parents or on the
/// outer edge, owners mapped to parents), and if so gives the child → parent table.
/// </summary>
/// <remarks>
/// When it holds, a point that is on no lower boundary and has at most one lower candidate lies in the parent of its
/// lower division (or in no upper division when it lies in no lower one): each upper division's crossing parity is the
/// sum of its children's, the shared interior segments cancelling in pairs. <see cref="DivisionLocator"/> then answers
/// the upper level from the lower one's answer and consults the upper level's own index only for points on a lower
/// boundary or with several lower candidates.
/// </remarks>
internal static class LevelNesting
{
    /// <returns>
    /// Indexed by locator-wide division index: the parent's index for every member of <paramref name="lowerMembers"/>
    /// (-1 elsewhere); <c>null</c> when the levels do not nest exactly.
    /// </returns>
    public static int[]? ParentTable(IReadOnlyList<Division> all, IReadOnlyList<int> upperMembers, LevelEdges upper,
        IReadOnlyList<int> lowerMembers, LevelEdges lower)
    {
        if (upperMembers.Count == 0 || lowerMembers.Count == 0)
        {
            return null;
        }
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in upperMembers)
        {
            if (!byCode.TryAdd(all[u].Code, u))
            {
                return null;
            }
        }
        var parent = new int[all.Count];
        Array.Fill(parent, -1);
        foreach (var l in lowerMembers)
        {
            if (all[l].ParentCode is not { } code || !byCode.TryGetValue(code, out var p))
            {
                return null;
            }
            parent[l] = p;
        }

        // The multiset of (segment, owner pair) that the upper level must have, from the lower level.
        var expected = new Dictionary<(double, double, double, double, int, int), int>();
        for (var e = 0; e < lower.Count; e++)
        {
            var p0 = parent[lower.Owner0[e]];
            var p1 = lower.Owner1[e] >= 0 ? parent[lower.Owner1[e]] : -1;
            if (p0 == p1)
            {
                continue;
            }
            var key = Key(lower, e, p0, p1);
            expected[key] = expected.GetValueOrDefault(key) + 1;
        }
        for (var e = 0; e < upper.Count; e++)
        {
            var key = Key(upper, e, upper.Owner0[e], upper.Owner1[e]);
            if (!expected.TryGetValue(key, out var count))
            {
                return null;
            }
            if (count == 1)
            {
                expected.Remove(key);
            }
            else
            {
                expected[key] = count - 1;
            }
        }
        return expected.Count == 0 ? parent : null;
    }

    private static (double, double, double, double, int, int) Key(LevelEdges edges, int e, int a, int b)
    {
        double x1 = edges.Ax[e], y1 = edges.Ay[e], x2 = edges.Bx[e], y2 = edges.By[e];
        var (lo, hi) = a < b ? (a, b) : (b, a);
        return x1 < x2 || (x1 == x2 && y1 < y2) ? (x1, y1, x2, y2, lo, hi) : (x2, y2, x1, y1, lo, hi);
    }
}
