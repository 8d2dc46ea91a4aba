using System.Collections.Immutable;

namespace Boundaries.Geo.Model;

/// <summary>
/// A coverage: the divisions of one level under one parent, which must tile the parent with no gap and
/// no overlap. This type only groups them; validation says whether they do tile.
/// </summary>
/// <param name="Level">The level of every member.</param>
/// <param name="ParentCode">The parent they tile; <c>null</c> for a top-level coverage.</param>
/// <param name="Divisions">The members, in input order.</param>
public sealed record Coverage(DivisionLevel Level, string? ParentCode, ImmutableArray<Division> Divisions)
{
    /// <summary>
    /// Groups divisions into coverages by (level, parent), in order of first appearance.
    /// </summary>
    public static ImmutableArray<Coverage> GroupOf(IEnumerable<Division> divisions)
    {
        ArgumentNullException.ThrowIfNull(divisions);
        return [.. divisions
            .GroupBy(d => (d.Level, d.ParentCode))
            .Select(g => new Coverage(g.Key.Level, g.Key.ParentCode, [.. g]))];
    }
}
