using System.Collections.Immutable;
using Boundaries.Geo.Model;

namespace Boundaries.Geo.Locate;

/// <summary>The answer at one level for one point.</summary>
/// <param name="Level">The level.</param>
/// <param name="DivisionIndex">Index of <see cref="Division"/> in <see cref="DivisionLocator.Divisions"/>; -1 when none covers the point.</param>
/// <param name="Division">The answer: the only covering division, or on a shared boundary (or an overlap) the candidate with the smallest code; <c>null</c> when none covers the point.</param>
/// <param name="Candidates">Every division covering the point (as NTS <c>Geometry.Covers</c> and PostGIS <c>ST_Covers</c> say), smallest code first; empty when none.</param>
/// <param name="OnBoundary">The point lies exactly on the boundary of a division at this level.</param>
/// <param name="BoundaryDistanceMeters">Distance to the nearest boundary line of this level on the Gauss-Krüger plane of the data; <c>null</c> when not asked for or the level has no lines.</param>
/// <param name="Ambiguous">A σ was given and the nearest boundary line is within it (or the point is on one).</param>
public sealed record LevelLocation(
    DivisionLevel Level,
    int DivisionIndex,
    Division? Division,
    ImmutableArray<Division> Candidates,
    bool OnBoundary,
    double? BoundaryDistanceMeters,
    bool Ambiguous);
