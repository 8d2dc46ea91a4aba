using Boundaries.Geo.Model;

namespace Boundaries.Survey.Compare;

/// <summary>How survey observations are compared with the agreed lines. Every default is stated.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The level whose lines are compared. Default township.</summary>
    public DivisionLevel Level { get; init; } = DivisionLevel.Township;

    /// <summary>Whether lines on the outer edge of the level's coverage (one side outside) are included. Default false.</summary>
    public bool IncludeOuterEdge { get; init; }

    /// <summary>Largest offset of a marker from its line that is within tolerance, metres. Default 0.5.</summary>
    public double MarkerToleranceMeters { get; init; } = 0.5;

    /// <summary>How far from a line a marker is still looked for, metres; a marker farther from every line is unmatched. Default 50.</summary>
    public double MarkerSearchMeters { get; init; } = 50;

    /// <summary>A track point within this distance of a line verifies it (it counts for the nearest line only), metres. Default 2.</summary>
    public double BufferMeters { get; init; } = 2;

    /// <summary>Two track points projected onto a line closer than this join into one verified stretch, metres. Default 30.</summary>
    public double MaxGapMeters { get; init; } = 30;

    /// <summary>A line whose verified share is below this is listed as still to walk. Default 0.99.</summary>
    public double CompleteShare { get; init; } = 0.99;
}
