using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Normalize;

/// <summary>What <see cref="Normalizer.Normalize(DivisionSet, NormalizeOptions?)"/> returns.</summary>
/// <param name="Set">The divisions in CGCS2000 lon/lat (EPSG:4490), every vertex on the grid of <paramref name="MetricCrs"/>.</param>
/// <param name="MetricCrs">The Gauss-Krüger system whose grid was used.</param>
/// <param name="Changes">Every change, in division order; empty when the input was already normalized.</param>
public sealed record NormalizeResult(DivisionSet Set, CrsCode MetricCrs, ImmutableArray<NormalizeChange> Changes)
{
    /// <summary>How many divisions have at least one change.</summary>
    public int ChangedDivisions => Changes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count();
}
