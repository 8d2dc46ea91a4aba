namespace Boundaries.Geo.Clean;

/// <summary>
/// The rule that gives a gap or an overlap to one division. Thin pieces (near-misses and slivers) always go to the
/// neighbour with the longest shared border, whatever the strategy.
/// </summary>
public enum CleanStrategy
{
    /// <summary>The candidate sharing the longest border with the piece (the default; JTS CoverageCleaner's merge rule).</summary>
    LongestBorder = 0,
    /// <summary>The candidate with the largest area (before cleaning).</summary>
    MaxArea = 1,
    /// <summary>The candidate with the smallest area (before cleaning).</summary>
    MinArea = 2,
    /// <summary>
    /// The candidate that comes first in <see cref="CleanOptions.Priority"/>; candidates not in the list rank after
    /// those in it, by longest border.
    /// </summary>
    Priority = 3,
}
