namespace Boundaries.Survey.Conflate;

/// <summary>Why a point did not move its line.</summary>
public enum ConflationRefusal
{
    /// <summary>No line of the level within the search distance, or its line id is not a movable line of the level.</summary>
    NoLine,

    /// <summary>Farther from its line than <see cref="ConflateOptions.MaxShiftMeters"/>.</summary>
    BeyondMaxShift,

    /// <summary>Its foot is within <see cref="ConflateOptions.NodeClearanceMeters"/> of a node, and nodes stay fixed.</summary>
    NearNode,

    /// <summary>Another point of the same line (or node) already lies at the same place along it.</summary>
    Duplicate,

    /// <summary>Moving the line through it would make the line cross itself or another line; the line was left as it was.</summary>
    WouldCross,
}
