using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Clean;

/// <summary>What <see cref="CoverageCleaner.Clean(DivisionSet, CleanOptions?)"/> returns.</summary>
/// <param name="Cleaned">
/// The divisions in the input's order and coordinate system. A division of a coverage that needed no change is the
/// input's own <see cref="Division"/>; every division of a coverage that changed is rebuilt from the noded faces.
/// </param>
/// <param name="Log">Every change, coverage by coverage; empty when the input was already clean.</param>
/// <param name="MetricCrs">The Gauss-Krüger system the work was done in (areas in <see cref="CleanChange"/> are planar in it).</param>
/// <param name="CoveragesChanged">How many coverages (level × parent) were rebuilt.</param>
public sealed record CleanResult(DivisionSet Cleaned, ImmutableArray<CleanChange> Log, CrsCode MetricCrs, int CoveragesChanged)
{
    /// <summary>How many changes of each kind.</summary>
    public ImmutableSortedDictionary<CleanChangeKind, int> CountByKind() =>
        Log.GroupBy(c => c.Kind).ToImmutableSortedDictionary(g => g.Key, g => g.Count());
}
