using Boundaries.Geo.Model;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Tests.Clean;

/// <summary>
/// Independent oracles for "this coverage is clean", all from NTS: IsValid on every polygon, CoverageValidator with gap
/// width 0 reporting no invalid edge, the union of the children equal to the parent (symmetric difference ≈ 0), and no
/// two members intersecting with positive area (the union's area equals the sum of the members' areas).
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
            //-- no two members overlap with positive area exactly when the union's area is the sum of their areas
            var valid = geoms.Where(g => g.IsValid).ToArray();
            var union = OverlayNGRobust.Union(valid);
            var overlap = valid.Sum(g => g.Area) - union.Area;
            if (overlap > areaToleranceM2)
            {
                problems.Add($"members under {group.Key.ParentCode} overlap by {overlap:0.###} m² in all");
            }
            var parent = all.FirstOrDefault(p => p.Code == group.Key.ParentCode && p.Level < group.Key.Level);
            if (parent is not null)
            {
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

    /// <summary>Sum of member areas per (level, parent).</summary>
    public static double AreaOf(IEnumerable<Division> divisions) => divisions.Sum(d => d.Geometry.Area);

    public static Geometry Empty { get; } = new GeometryFactory().CreatePolygon();
}
