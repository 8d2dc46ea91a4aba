using System.Collections.Immutable;
using Boundaries.Survey.Compare;

namespace Boundaries.Survey.Conflate;

/// <summary>The points a survey offers for conflation.</summary>
public static class ConflationPoints
{
    /// <summary>
    /// Every averaged marker (and named boundary point) of <paramref name="observations"/> that the comparison matched to
    /// a line, with that line's id, by id. Markers the comparison did not match (no line within its search distance) are left out.
    /// Whether a point is close enough to move its line is <see cref="ConflateOptions.MaxShiftMeters"/>'s decision.
    /// </summary>
    public static ImmutableArray<ConflationPoint> From(SurveyObservations observations, SurveyComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(comparison);
        var lines = comparison.Markers.Where(m => m.LineId is not null).ToDictionary(m => m.Id, m => m.LineId!.Value, StringComparer.Ordinal);
        return [.. observations.Markers
            .Where(m => m.Longitude is not null && m.Latitude is not null && lines.ContainsKey(m.Id))
            .Select(m => new ConflationPoint(m.Id, m.Longitude!.Value, m.Latitude!.Value, lines[m.Id]))
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }
}
