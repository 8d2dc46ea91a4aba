using Boundaries.Geo.Model;

namespace Boundaries.Survey.Generate;

/// <summary>How a survey campaign is generated over a set of divisions. Every default is stated.</summary>
public sealed record SurveyGenerationOptions
{
    /// <summary>Random seed; the same seed and divisions give the same files. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The level whose internal lines (a division on both sides) are surveyed. Default township.</summary>
    public DivisionLevel Level { get; init; } = DivisionLevel.Township;

    /// <summary>The first day of the campaign (UTC); each district's walk is one day later than the previous. Default 2024-04-01.</summary>
    public DateOnly StartDate { get; init; } = new(2024, 4, 1);

    /// <summary>Walking speed, metres per second (fixes are logged at 1 Hz). Default 1.25.</summary>
    public double WalkSpeedMetersPerSecond { get; init; } = 1.25;

    /// <summary>The marker tolerance the out-of-tolerance flag of the ground truth uses, metres. Default 0.5.</summary>
    public double MarkerToleranceMeters { get; init; } = 0.5;
}
