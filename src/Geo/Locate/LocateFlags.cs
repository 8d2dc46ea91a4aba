namespace Boundaries.Geo.Locate;

/// <summary>What a fast lookup (<see cref="DivisionLocator.Locate(double, double, Span{int})"/>) noticed besides its answer.</summary>
[Flags]
public enum LocateFlags
{
    /// <summary>Every level's answer is the only division covering the point (or none covers it).</summary>
    None = 0,

    /// <summary>
    /// At some level the point lies exactly on a division's boundary (a shared edge, a vertex, or the outer edge);
    /// the answer there follows the tie rule of <see cref="DivisionLocator"/>.
    /// </summary>
    OnBoundary = 1,

    /// <summary>
    /// At some level more than one division covers the point: it is on a shared boundary, or the divisions overlap
    /// (bad data). The answer there is the candidate with the smallest code.
    /// </summary>
    MultipleCandidates = 2,
}
