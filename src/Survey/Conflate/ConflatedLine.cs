using System.Collections.Immutable;

namespace Boundaries.Survey.Conflate;

/// <summary>A line that was moved.</summary>
/// <param name="Id">Its topology id (in the topology of the input).</param>
/// <param name="Left">Division on the left.</param>
/// <param name="Right">Division on the right.</param>
/// <param name="PointIds">The points it now passes through, in order along it.</param>
/// <param name="MaxShiftMeters">The largest distance any of its vertices moved (or any point was from it), Gauss-Krüger metres.</param>
/// <param name="VerticesBefore">Its vertex count before.</param>
/// <param name="VerticesAfter">Its vertex count after (points inserted).</param>
public sealed record ConflatedLine(int Id, string? Left, string? Right, ImmutableArray<string> PointIds, double MaxShiftMeters, int VerticesBefore, int VerticesAfter);
