using System.Collections.Immutable;
using Boundaries.Survey.Model;

namespace Boundaries.Survey.Quality;

/// <summary>
/// Which points a purpose accepts. <see cref="Marker"/>: RTK fixed (or a surveyed coordinate) with horizontal
/// σ ≤ 0.05 m, σ required. <see cref="LineWalk"/>: RTK fixed or float with σ ≤ 0.5 m when σ is known.
/// The σ checks apply to GNSS fixes only; a <see cref="FixQuality.Surveyed"/> coordinate carries no σ.
/// </summary>
public sealed record AcceptancePolicy
{
    /// <summary>The accepted qualities. Default: RTK fixed and surveyed.</summary>
    public ImmutableHashSet<FixQuality> Qualities { get; init; } = [FixQuality.RtkFixed, FixQuality.Surveyed];

    /// <summary>Largest accepted horizontal 1-σ in metres (√(σN² + σE²)). Default 0.05.</summary>
    public double MaxSigmaHorizontalMeters { get; init; } = 0.05;

    /// <summary>Whether a GNSS fix without σ is rejected. Default true.</summary>
    public bool RequireSigma { get; init; } = true;

    /// <summary>Fewest satellites; 0 (default) does not check.</summary>
    public int MinSatellites { get; init; }

    /// <summary>Largest HDOP; null (default) does not check.</summary>
    public double? MaxHdop { get; init; }

    /// <summary>For measuring a marker (界桩): RTK fixed, σ ≤ 5 cm, σ required.</summary>
    public static AcceptancePolicy Marker { get; } = new();

    /// <summary>For walking a line: RTK fixed or float, σ ≤ 0.5 m when the file gives one.</summary>
    public static AcceptancePolicy LineWalk { get; } = new()
    {
        Qualities = [FixQuality.RtkFixed, FixQuality.RtkFloat, FixQuality.Surveyed],
        MaxSigmaHorizontalMeters = 0.5,
        RequireSigma = false,
    };

    /// <summary>Why <paramref name="point"/> is rejected, or null when it is accepted. The first failing check wins.</summary>
    public RejectionReason? Check(SurveyPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!Qualities.Contains(point.Quality))
        {
            return RejectionReason.QualityNotAccepted;
        }
        if (point.Quality != FixQuality.Surveyed)
        {
            if (point.SigmaHorizontalMeters is { } sigma)
            {
                if (sigma > MaxSigmaHorizontalMeters)
                {
                    return RejectionReason.SigmaTooLarge;
                }
            }
            else if (RequireSigma)
            {
                return RejectionReason.SigmaUnknown;
            }
            if (MinSatellites > 0 && point.Satellites is { } sats && sats < MinSatellites)
            {
                return RejectionReason.TooFewSatellites;
            }
            if (MaxHdop is { } max && point.Hdop is { } hdop && hdop > max)
            {
                return RejectionReason.HdopTooHigh;
            }
        }
        return null;
    }
}
