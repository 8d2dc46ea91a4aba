using System.Collections.Immutable;
using Boundaries.Survey.Markers;
using Boundaries.Survey.Model;
using Boundaries.Survey.Quality;

namespace Boundaries.Survey.Compare;

/// <summary>
/// What a set of survey files says about the boundary lines, after the quality gates: averaged markers (from named
/// points that pass <see cref="AcceptancePolicy.Marker"/>) and walked-track points (unnamed fixes that pass
/// <see cref="AcceptancePolicy.LineWalk"/>), both in CGCS2000 lon/lat (WGS84 taken as CGCS2000).
/// </summary>
/// <param name="Files">The files read, in order.</param>
/// <param name="Markers">Averaged markers, by id.</param>
/// <param name="TrackPoints">Accepted track points: X longitude, Y latitude.</param>
/// <param name="MarkerRejections">Rejected marker occupations by reason.</param>
/// <param name="TrackRejections">Rejected track points by reason.</param>
/// <param name="WithoutCrs">Points skipped because their file has no known coordinate system (local grid).</param>
public sealed record SurveyObservations(
    ImmutableArray<string> Files,
    ImmutableArray<MarkerEstimate> Markers,
    ImmutableArray<SurveyPoint> TrackPoints,
    ImmutableSortedDictionary<RejectionReason, int> MarkerRejections,
    ImmutableSortedDictionary<RejectionReason, int> TrackRejections,
    long WithoutCrs);
