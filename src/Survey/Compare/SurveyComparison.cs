using System.Collections.Immutable;
using Boundaries.Geo.Crs;

namespace Boundaries.Survey.Compare;

/// <summary>
/// The field survey compared with the agreed lines: every marker's offset, every line's verified share, and the
/// roll-up per district and for the city (the field-delimitation progress figure).
/// </summary>
/// <param name="MetricCrs">The Gauss-Krüger system the offsets were measured in.</param>
/// <param name="Lines">Every compared line, by id.</param>
/// <param name="Markers">Every marker, by id.</param>
/// <param name="Districts">Per parent division of the compared level, by code; a line between two parents counts in both.</param>
/// <param name="City">All compared lines once.</param>
/// <param name="LinesToWalk">Ids of the lines whose share is below the complete share, by id.</param>
public sealed record SurveyComparison(
    CrsCode MetricCrs,
    ImmutableArray<LineProgress> Lines,
    ImmutableArray<MarkerOffset> Markers,
    ImmutableArray<ProgressTotal> Districts,
    ProgressTotal City,
    ImmutableArray<int> LinesToWalk)
{
    /// <summary>The markers outside the tolerance.</summary>
    public IEnumerable<MarkerOffset> OutOfTolerance => Markers.Where(m => m.WithinTolerance == false);
}

/// <summary>One line's field verification.</summary>
/// <param name="Id">Topology id.</param>
/// <param name="Code">Line code (<see cref="LineCodes"/>).</param>
/// <param name="Left">Division on the left.</param>
/// <param name="Right">Division on the right.</param>
/// <param name="LengthMeters">Ellipsoidal length.</param>
/// <param name="VerifiedMeters">Verified length: the verified share of the ellipsoidal length.</param>
/// <param name="Share">Verified share, 0–1: the union of stretches covered by accepted track points (gap rule).</param>
/// <param name="TrackPoints">Accepted track points assigned to the line.</param>
/// <param name="MaxDeviationMeters">Largest distance of those points from the line (the directed Hausdorff distance); null without points.</param>
/// <param name="RmsDeviationMeters">Root mean square of those distances; null without points.</param>
/// <param name="Markers">Markers matched to the line.</param>
/// <param name="VerifiedStretches">The verified stretches, metres along the line in the Gauss-Krüger plane.</param>
public sealed record LineProgress(
    int Id,
    string Code,
    string? Left,
    string? Right,
    double LengthMeters,
    double VerifiedMeters,
    double Share,
    int TrackPoints,
    double? MaxDeviationMeters,
    double? RmsDeviationMeters,
    int Markers,
    ImmutableArray<VerifiedStretch> VerifiedStretches);

/// <summary>A verified stretch of a line, metres along it in the Gauss-Krüger plane.</summary>
public sealed record VerifiedStretch(double FromMeters, double ToMeters);

/// <summary>A marker's offset from its line.</summary>
/// <param name="Id">Marker id (its number when named by one).</param>
/// <param name="LineId">The line it was compared with; null when no line lies within the search distance.</param>
/// <param name="LineCode">That line's code.</param>
/// <param name="DistanceMeters">Distance from the line, Gauss-Krüger metres; null when unmatched.</param>
/// <param name="Side"><c>left</c>, <c>right</c> or <c>on</c> (seen along the line's direction); null when unmatched.</param>
/// <param name="AlongMeters">Position of its foot along the line, metres.</param>
/// <param name="WithinTolerance">Whether the distance is within the tolerance; null when unmatched.</param>
public sealed record MarkerOffset(string Id, int? LineId, string? LineCode, double? DistanceMeters, string? Side, double? AlongMeters, bool? WithinTolerance);

/// <summary>Progress over a set of lines.</summary>
/// <param name="Code">District code; <c>null</c> for the city.</param>
/// <param name="Lines">How many lines.</param>
/// <param name="LengthMeters">Their total ellipsoidal length.</param>
/// <param name="VerifiedMeters">Their verified length.</param>
/// <param name="Share">Verified / total (0 for no lines).</param>
/// <param name="MarkersOutOfTolerance">Markers on these lines outside the tolerance.</param>
public sealed record ProgressTotal(string? Code, int Lines, double LengthMeters, double VerifiedMeters, double Share, int MarkersOutOfTolerance);
