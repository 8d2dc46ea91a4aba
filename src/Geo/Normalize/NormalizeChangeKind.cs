namespace Boundaries.Geo.Normalize;

/// <summary>What <see cref="Normalizer"/> changed in one division. Stable names: they appear in reports.</summary>
public enum NormalizeChangeKind
{
    /// <summary>Vertices moved onto the grid (the measure is the largest move, in metres).</summary>
    VerticesSnapped = 1,
    /// <summary>Consecutive vertices that fell on the same grid point were merged (the measure is how many).</summary>
    RepeatedVerticesRemoved = 2,
    /// <summary>An invalid polygon was repaired (self-intersection, ring self-touch, hole outside shell …); the detail names the defect.</summary>
    InvalidRepaired = 3,
    /// <summary>A ring or part with no area left after snapping was dropped (the measure is its area before, m²).</summary>
    CollapsedPartDropped = 4,
}
