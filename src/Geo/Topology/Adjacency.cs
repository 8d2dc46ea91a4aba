namespace Boundaries.Geo.Topology;

/// <summary>
/// Two divisions of one level that share a boundary of positive length (rook adjacency: a shared point alone is not
/// adjacency).
/// </summary>
/// <param name="Level">The level.</param>
/// <param name="A">The ordinally smaller code.</param>
/// <param name="B">The other code.</param>
/// <param name="SharedLengthMeters">Total ellipsoidal length of the lines between them.</param>
/// <param name="Lines">How many lines they share.</param>
public sealed record Adjacency(Model.DivisionLevel Level, string A, string B, double SharedLengthMeters, int Lines);
