using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Simplify;

/// <summary>Options of <see cref="CoverageSimplification.Simplify(Model.DivisionSet, SimplifyOptions)"/>.</summary>
public sealed record SimplifyOptions
{
    /// <summary>
    /// The simplification tolerance in metres (NTS CoverageSimplifier's distance tolerance: corners whose triangle area is
    /// under its square are removed). Required; 0 leaves the geometry as it is.
    /// </summary>
    public required double ToleranceMeters { get; init; }

    /// <summary>The Gauss-Krüger system to work in; <c>null</c> (the default) uses the set's own when it is Gauss-Krüger, else the zone of the data.</summary>
    public CrsCode? MetricCrs { get; init; }
}
