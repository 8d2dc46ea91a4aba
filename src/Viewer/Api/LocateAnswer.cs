using System.Collections.Immutable;
using System.Globalization;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Locate;
using Boundaries.Geo.Model;

namespace Boundaries.Viewer.Api;

/// <summary>
/// The JSON answer of <c>GET /api/v1/locate</c> and of <c>boundaries locate --format json</c> (snake_case names):
/// the point as given and in CGCS2000, and one entry per level, top down.
/// </summary>
/// <param name="X">The point's x (longitude or easting) as given.</param>
/// <param name="Y">The point's y as given.</param>
/// <param name="Crs">The system of x/y (<c>EPSG:4490</c>, <c>gcj02</c> …).</param>
/// <param name="Lon">CGCS2000 longitude after conversion.</param>
/// <param name="Lat">CGCS2000 latitude.</param>
/// <param name="At">The date asked (<c>YYYY-MM-DD</c>); <c>null</c> = the latest state.</param>
/// <param name="OnBoundary">On a boundary at some level.</param>
/// <param name="Ambiguous">A boundary line lies within σ at some level (false when no σ was given).</param>
/// <param name="Levels">One answer per level.</param>
public sealed record LocateAnswer(double X, double Y, string Crs, double Lon, double Lat, string? At, bool OnBoundary,
    bool Ambiguous, ImmutableArray<LevelAnswer> Levels)
{
    /// <summary>Renders a locator result.</summary>
    public static LocateAnswer From(LocateResult result, double x, double y, CrsCode crs)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new LocateAnswer(x, y, crs.ToString(), result.Lon, result.Lat,
            result.At?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.OnBoundary, result.Ambiguous,
            [.. result.Levels.Select(LevelAnswer.From)]);
    }
}

/// <summary>One level of a <see cref="LocateAnswer"/>.</summary>
/// <param name="Level">The level name (<c>district</c>, <c>township</c> …).</param>
/// <param name="Code">The division holding the point (on a boundary: the candidate with the smallest code); <c>null</c> when none.</param>
/// <param name="Name">Its name; <c>null</c> when none.</param>
/// <param name="OnBoundary">The point lies exactly on a boundary of this level.</param>
/// <param name="Candidates">Every division covering the point, smallest code first.</param>
/// <param name="DistanceM">Metres to the nearest boundary line of the level (Gauss-Krüger plane); <c>null</c> when not asked.</param>
/// <param name="Ambiguous">σ was given and a boundary line lies within it.</param>
public sealed record LevelAnswer(string Level, string? Code, string? Name, bool OnBoundary,
    ImmutableArray<CandidateAnswer> Candidates, double? DistanceM, bool Ambiguous)
{
    internal static LevelAnswer From(LevelLocation l) =>
        new(l.Level.Name(), l.Division?.Code, l.Division?.Name, l.OnBoundary,
            [.. l.Candidates.Select(c => new CandidateAnswer(c.Code, c.Name))], l.BoundaryDistanceMeters, l.Ambiguous);
}

/// <summary>A division covering the point.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
public sealed record CandidateAnswer(string Code, string Name);
