using System.Collections.Immutable;
using Boundaries.Geo.Model;

namespace Boundaries.Survey.Conflate;

/// <summary>A division whose geometry changed, for a change set.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Level">Its level.</param>
/// <param name="LineIds">The moved lines (ids of the conflated level's topology) it runs along, sorted.</param>
/// <param name="MaxShiftMeters">The largest distance any of its vertices moved, Gauss-Krüger metres.</param>
public sealed record ConflatedDivision(string Code, DivisionLevel Level, ImmutableArray<int> LineIds, double MaxShiftMeters);
