using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Clean;

/// <summary>
/// A fast, exact test that valid polygons tile a parent: the boundaries of the children, each ring directed with its
/// interior on the left, must cancel pairwise (a→b against b→a) and leave exactly the parent's directed boundary.
/// </summary>
/// <remarks>
/// Boundary chains add up: when the children's chains sum to the parent's, the children's winding numbers sum to the
/// parent's, which is 0 or 1 everywhere; since each valid child has winding 0 or 1, no point is in two children (no
/// overlap), every point of the parent is in one (no gap) and none is outside the parent. The test is conservative: a
/// vertex on one side of a shared edge that the other side lacks makes it fail, and the full cleaner then decides.
/// </remarks>
internal static class TilingCheck
{
    public static bool IsExactTiling(IReadOnlyList<Geometry> children, Geometry parent, double scale)
    {
        var residual = new Dictionary<SegmentKey, int>();
        foreach (var child in children)
        {
            foreach (var s in RingWalker.InteriorLeftSegments(child, scale))
            {
                var reverse = s.Reversed;
                if (residual.TryGetValue(reverse, out var n))
                {
                    if (n == 1)
                    {
                        residual.Remove(reverse);
                    }
                    else
                    {
                        residual[reverse] = n - 1;
                    }
                }
                else
                {
                    residual[s] = residual.GetValueOrDefault(s) + 1;
                }
            }
        }
        foreach (var s in RingWalker.InteriorLeftSegments(parent, scale))
        {
            if (!residual.TryGetValue(s, out var n) || n != 1)
            {
                return false;
            }
            residual.Remove(s);
        }
        return residual.Count == 0;
    }
}
