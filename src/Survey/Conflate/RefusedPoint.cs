namespace Boundaries.Survey.Conflate;

/// <summary>A point that did not move its line.</summary>
/// <param name="Id">The point's id.</param>
/// <param name="LineId">The line it was matched to; <c>null</c> for <see cref="ConflationRefusal.NoLine"/>.</param>
/// <param name="DistanceMeters">Its distance from that line, Gauss-Krüger metres; <c>null</c> when unmatched.</param>
/// <param name="Reason">Why.</param>
public sealed record RefusedPoint(string Id, int? LineId, double? DistanceMeters, ConflationRefusal Reason);
