namespace Boundaries.Geo.Locate;

/// <summary>
/// One level of the detailed answer written by <see cref="DivisionLocator.LocateDetailed"/>: the same facts as a
/// <see cref="LevelLocation"/>, as indexes, without allocating.
/// </summary>
/// <param name="Division">Index in <see cref="DivisionLocator.Divisions"/> of the answer; -1 when none covers the point.</param>
/// <param name="CandidateStart">First slot of this level's candidates in the caller's candidate span.</param>
/// <param name="CandidateCount">Number of covering divisions, in code order (then index) from <paramref name="CandidateStart"/>.</param>
/// <param name="OnBoundary">The point lies exactly on a boundary of this level.</param>
/// <param name="DistanceMeters">Metres to the nearest boundary line; <see cref="double.NaN"/> when not asked or the level has no lines.</param>
public readonly record struct LevelHit(int Division, int CandidateStart, int CandidateCount, bool OnBoundary, double DistanceMeters);
