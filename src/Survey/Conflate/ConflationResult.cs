using System.Collections.Immutable;
using Boundaries.Geo.Crs;
using Boundaries.Geo.Model;

namespace Boundaries.Survey.Conflate;

/// <summary>The outcome of <see cref="LineConflator.Conflate"/>.</summary>
/// <param name="Divisions">All divisions, in input order and coordinate system; unchanged ones are the input's own records.</param>
/// <param name="MetricCrs">The Gauss-Krüger plane the lines were moved in.</param>
/// <param name="Changed">The divisions whose geometry changed, by level then code; empty when nothing moved.</param>
/// <param name="Lines">The moved lines, by id.</param>
/// <param name="Accepted">Ids of the points the lines now pass through, sorted.</param>
/// <param name="Refused">The points that moved nothing, by id.</param>
public sealed record ConflationResult(
    DivisionSet Divisions,
    CrsCode MetricCrs,
    ImmutableArray<ConflatedDivision> Changed,
    ImmutableArray<ConflatedLine> Lines,
    ImmutableArray<string> Accepted,
    ImmutableArray<RefusedPoint> Refused);
