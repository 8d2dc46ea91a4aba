using System.Collections.Immutable;

namespace Boundaries.Survey.Generate;

/// <summary>
/// The ground truth of a generated survey (<c>truth.json</c>). Coordinates of markers are CGCS2000 lon/lat (the
/// logs call it WGS84 as receivers do; the two differ by centimetres, which the generator ignores).
/// </summary>
/// <param name="Seed">The seed.</param>
/// <param name="MarkerToleranceMeters">The tolerance behind <see cref="MarkerTruth.OutOfTolerance"/>.</param>
/// <param name="Lines">Every internal line of the level, walked or not, by id.</param>
/// <param name="Markers">Every marker set, by number.</param>
public sealed record SurveyTruth(long Seed, double MarkerToleranceMeters, ImmutableArray<LineTruth> Lines, ImmutableArray<MarkerTruth> Markers);

/// <summary>One line's truth.</summary>
/// <param name="Id">The topology id of the line.</param>
/// <param name="Code">Its line code (<c>LineCodes.Of</c>).</param>
/// <param name="Left">Division on the left.</param>
/// <param name="Right">Division on the right.</param>
/// <param name="Walk"><c>full</c>, <c>partial</c> or <c>none</c>.</param>
/// <param name="VerifiedShare">Share of the line's length walked with accepted fixes (RTK fixed or float), 0–1.</param>
/// <param name="DegradedMeters">Length of the walked stretches logged with DGPS or no fix (not verified).</param>
public sealed record LineTruth(int Id, string Code, string? Left, string? Right, string Walk, double VerifiedShare, double DegradedMeters);

/// <summary>One marker's truth.</summary>
/// <param name="Number">The marker number.</param>
/// <param name="LineId">The line it stands beside (for C/D/E: the line of that letter, which may differ from the number's line).</param>
/// <param name="Longitude">True longitude.</param>
/// <param name="Latitude">True latitude.</param>
/// <param name="OffsetMeters">True signed offset from the line (left positive); 0 for a marker set on the line.</param>
/// <param name="OutOfTolerance">True when |offset| exceeds the tolerance.</param>
/// <param name="Occupations">How many times it was measured (including rejected float occupations).</param>
public sealed record MarkerTruth(string Number, int LineId, double Longitude, double Latitude, double OffsetMeters, bool OutOfTolerance, int Occupations);
