using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Vectorize;

/// <summary>Options of <see cref="LineworkVectorizer.Build"/>.</summary>
public sealed record VectorizeOptions
{
    /// <summary>
    /// Undershoots (a line end short of another line) up to this distance are closed, and overshoots (a line piece
    /// past a node) shorter than it are trimmed; metres. Default 1 m.
    /// </summary>
    public double SnapToleranceMeters { get; init; } = 1.0;

    /// <summary>The grid every vertex is snapped to, in Gauss-Krüger metres. Default 0.001 (1 mm).</summary>
    public double GridMeters { get; init; } = 0.001;

    /// <summary>The level of divisions whose label does not say. Default <see cref="DivisionLevel.Township"/>.</summary>
    public DivisionLevel DefaultLevel { get; init; } = DivisionLevel.Township;

    /// <summary>The Gauss-Krüger system to work in; <c>null</c> (default) = the zone of the data, or the input's own when it is Gauss-Krüger.</summary>
    public CrsCode? MetricCrs { get; init; }
}
