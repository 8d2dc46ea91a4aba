using Boundaries.Geo.Model;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Tests.Clean;

/// <summary>
/// Independent oracles for "this coverage is clean", all from NTS: IsValid on every polygon, CoverageValidator with gap
/// width 0 reporting no invalid edge, the union of the children equal to the parent (symmetric difference ≈ 0), and no
/// two members intersecting with positive area.
/// </summary>
internal static class CoverageOracle
{
    /// <summary>Problems found in the coverages of <paramref name="set"/> (planar, in the set's own metric CRS); empty when clean.</summary>
    public static List<string> Problems(DivisionSet set, double areaToleranceM2 = 0.01)
    {
        var problems = new List<string>();
        var all = set.Divisions;
        foreach (var d in all.Where(d => !d.Geometry.IsValid))
        {
            problems.Add($"{d.Code} is not valid");
        }
        foreach (var group in all.GroupBy(d => (d.Level, d.ParentCode)))
        {
            var members = group.ToList();
            var geoms = members.Select(d => d.Geometry).ToArray();
            var invalid = CoverageValidator.Validate(geoms, 0);
            for (var i = 0; i < invalid.Length; i++)
            {
                if (invalid[i] is not null)
                {
                    problems.Add($"{members[i].Code}: CoverageValidator invalid edges {invalid[i].Length:0.###} m at {invalid[i].Coordinate}");
                }
            }
            problems.AddRange(Overlaps(members, areaToleranceM2));
            var parent = all.FirstOrDefault(p => p.Code == group.Key.ParentCode && p.Level < group.Key.Level);
            if (parent is not null)
            {
                var union = OverlayNGRobust.Union(geoms.Where(g => g.IsValid).ToArray());
                var diff = OverlayNGRobust.Overlay(union, parent.Geometry, SpatialFunction.SymDifference).Area;
                if (diff > areaToleranceM2)
                {
                    problems.Add($"children of {parent.Code} differ from it by {diff:0.###} m²");
                }
            }
        }
        return problems;
    }

    /// <summary>CoverageValidator over a whole level (edges shared across parents must match too).</summary>
    public static int InvalidAcrossLevel(DivisionSet set, DivisionLevel level) =>
        CoverageValidator.Validate([.. set.OfLevel(level).Select(d => d.Geometry)], 0).Count(g => g is not null);

    private static IEnumerable<string> Overlaps(List<Division> members, double tolerance)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < members.Count; i++)
        {
            tree.Insert(members[i].Geometry.EnvelopeInternal, i);
        }
        for (var i = 0; i < members.Count; i++)
        {
            foreach (var j in tree.Query(members[i].Geometry.EnvelopeInternal).Where(j => j > i))
            {
                if (!members[i].Geometry.IsValid || !members[j].Geometry.IsValid)
                {
                    continue;
                }
                var area = OverlayNGRobust.Overlay(members[i].Geometry, members[j].Geometry, SpatialFunction.Intersection).Area;
                if (area > tolerance)
                {
                    yield return $"{members[i].Code} and {members[j].Code} overlap by {area:0.###} m²";
                }
            }
        }
    }

    /// <summary>Sum of member areas per (level, parent).</summary>
    public static double AreaOf(IEnumerable<Division> divisions) => divisions.Sum(d => d.Geometry.Area);

    public static Geometry Empty { get; } = new GeometryFactory().CreatePolygon();
}
