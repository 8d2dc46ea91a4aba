using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// What vectorization built: divisions whose polygons form an exact coverage (neighbours share identical vertices),
/// and the findings.
/// </summary>
/// <param name="Divisions">The divisions in CGCS2000 lon/lat (EPSG:4490), ordered by code.</param>
/// <param name="MetricDivisions">The same divisions in <paramref name="MetricCrs"/>, vertices on the grid.</param>
/// <param name="MetricCrs">The Gauss-Krüger system the work was done in.</param>
/// <param name="Findings">Repairs made and problems left, in the order found; empty when the input was perfect.</param>
public sealed record VectorizeResult(
    DivisionSet Divisions,
    DivisionSet MetricDivisions,
    CrsCode MetricCrs,
    ImmutableArray<VectorizeFinding> Findings)
{
    /// <summary>True when any finding has <see cref="VectorizeSeverity.Error"/>.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == VectorizeSeverity.Error);
}
