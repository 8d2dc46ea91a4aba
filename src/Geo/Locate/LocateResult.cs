using System.Collections.Immutable;

namespace Boundaries.Geo.Locate;

/// <summary>The chain of divisions holding one point, one entry per level of the locator, top down.</summary>
/// <param name="Lon">The point's longitude in CGCS2000 (after converting from the caller's system).</param>
/// <param name="Lat">The point's latitude in CGCS2000.</param>
/// <param name="At">The date asked for; <c>null</c> = the latest state.</param>
/// <param name="Levels">One answer per level, top down.</param>
public sealed record LocateResult(double Lon, double Lat, DateOnly? At, ImmutableArray<LevelLocation> Levels)
{
    /// <summary>The point lies exactly on a boundary at some level.</summary>
    public bool OnBoundary => Levels.Any(l => l.OnBoundary);

    /// <summary>At some level a boundary line is within the σ the caller gave.</summary>
    public bool Ambiguous => Levels.Any(l => l.Ambiguous);
}
