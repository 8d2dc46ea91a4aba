namespace Boundaries.Geo.Clean;

/// <summary>What one <see cref="CleanChange"/> did.</summary>
public enum CleanChangeKind
{
    /// <summary>An invalid polygon (self-intersection …) was repaired with NTS GeometryFixer before noding.</summary>
    Repaired = 0,
    /// <summary>A piece of a division outside its parent was removed (the division was clipped to its parent).</summary>
    OutsideParentRemoved = 1,
    /// <summary>A piece no division claimed (a gap) was given to one division.</summary>
    GapFilled = 2,
    /// <summary>A piece several divisions claimed (an overlap) was left to one of them.</summary>
    OverlapResolved = 3,
    /// <summary>A thin gap or overlap (wider than the snap tolerance, at most the sliver width) was merged into a neighbour.</summary>
    SliverMerged = 4,
    /// <summary>A gap or overlap no wider than the snap tolerance (two copies of one edge that nearly match) was snapped away.</summary>
    NearMissSnapped = 5,
    /// <summary>A gap that could not be filled (no neighbouring division, or wider than the maximum gap width with no parent outline).</summary>
    GapLeftOpen = 6,
}
