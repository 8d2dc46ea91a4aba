namespace Boundaries.Survey.Markers;

/// <summary>How occupations are grouped into markers and averaged. Distances in Gauss-Krüger metres.</summary>
public sealed record MarkerOptions
{
    /// <summary>Unnamed occupations closer than this to a group's centre join it. Default 2 m.</summary>
    public double GroupRadiusMeters { get; init; } = 2.0;

    /// <summary>
    /// An occupation farther from the median than this many robust σ (1.4826 × the median absolute deviation of the
    /// distances) is an outlier. Default 3.
    /// </summary>
    public double OutlierFactor { get; init; } = 3.0;

    /// <summary>
    /// No occupation within this distance of the median is ever an outlier, however tight the rest are (a MAD of
    /// 0 would otherwise reject any difference). Default 0.02 m.
    /// </summary>
    public double OutlierFloorMeters { get; init; } = 0.02;
}
