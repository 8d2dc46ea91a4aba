using System.Collections.Immutable;
using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Model;

/// <summary>
/// The divisions of every level read from one source, with the coordinate system their geometries are in.
/// </summary>
/// <param name="Divisions">All divisions, in source order.</param>
/// <param name="Crs">The coordinate system of every geometry.</param>
public sealed record DivisionSet(ImmutableArray<Division> Divisions, CrsCode Crs)
{
    /// <summary>The divisions of one level, in source order.</summary>
    public IEnumerable<Division> OfLevel(DivisionLevel level) => Divisions.Where(d => d.Level == level);

    /// <summary>Counts per level, top down, only levels present.</summary>
    public ImmutableSortedDictionary<DivisionLevel, int> CountByLevel() =>
        Divisions.GroupBy(d => d.Level).ToImmutableSortedDictionary(g => g.Key, g => g.Count());

    /// <summary>Total number of coordinates in all geometries.</summary>
    public long VertexCount() => Divisions.Sum(d => (long)d.Geometry.NumPoints);
}
