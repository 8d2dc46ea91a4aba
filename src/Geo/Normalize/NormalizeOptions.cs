using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Normalize;

/// <summary>Options of <see cref="Normalizer"/>.</summary>
public sealed record NormalizeOptions
{
    /// <summary>The grid every vertex is snapped to, in Gauss-Krüger metres. Default 0.001 (1 mm, DESIGN.md).</summary>
    public double GridMeters { get; init; } = 0.001;

    /// <summary>
    /// The metric system to snap in; <c>null</c> (default) picks the CGCS2000 3-degree Gauss-Krüger zone of the data.
    /// </summary>
    public CrsCode? MetricCrs { get; init; }
}
