using Boundaries.Geo.Crs;

namespace Boundaries.Geo.Locate;

/// <summary>What <see cref="DivisionLocator.Locate(double, double, LocateQueryOptions?)"/> is asked.</summary>
public sealed record LocateQueryOptions
{
    /// <summary>All defaults: CGCS2000 lon/lat, the latest state, no distance.</summary>
    public static LocateQueryOptions Default { get; } = new();

    /// <summary>The system of the point's coordinates. Default CGCS2000 (EPSG:4490); WGS84, Gauss-Krüger metres, GCJ-02 and BD-09 are converted.</summary>
    public CrsCode Crs { get; init; } = CrsCode.Cgcs2000;

    /// <summary>Answer with the divisions in force on this day. Default <c>null</c>: the latest state.</summary>
    public DateOnly? At { get; init; }

    /// <summary>
    /// The point's uncertainty in metres (one σ). When set, each level's distance to its nearest boundary line is
    /// computed and the level is flagged ambiguous when that distance is at most σ. Default <c>null</c>.
    /// </summary>
    public double? SigmaMeters { get; init; }

    /// <summary>Compute each level's distance to its nearest boundary line even without σ. Default <c>false</c>.</summary>
    public bool IncludeDistance { get; init; }
}
