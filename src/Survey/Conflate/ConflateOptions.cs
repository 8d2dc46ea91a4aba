using Boundaries.Geo.Model;

namespace Boundaries.Survey.Conflate;

/// <summary>How lines are moved onto surveyed points. Every default is stated.</summary>
public sealed record ConflateOptions
{
    /// <summary>The level whose lines are moved (coarser levels that share the vertices follow). Default township.</summary>
    public DivisionLevel Level { get; init; } = DivisionLevel.Township;

    /// <summary>A point farther than this from its line is refused (<see cref="ConflationRefusal.BeyondMaxShift"/>), Gauss-Krüger metres. Default 5.</summary>
    public double MaxShiftMeters { get; init; } = 5;

    /// <summary>How far from a line a point without a line id is still matched to it, metres. Default 50.</summary>
    public double SearchMeters { get; init; } = 50;

    /// <summary>
    /// A point whose foot lies this close to a node (an end of its line) would move the node: it is refused
    /// (<see cref="ConflationRefusal.NearNode"/>) unless <see cref="MoveNodes"/> is set. Metres. Default 1.
    /// </summary>
    public double NodeClearanceMeters { get; init; } = 1;

    /// <summary>Whether a point near a node moves the node (and every line ending there). Default false: nodes, tri-junctions included, stay fixed.</summary>
    public bool MoveNodes { get; init; }

    /// <summary>Whether lines on the outer edge of the level's coverage (one side outside) may be moved. Default false.</summary>
    public bool IncludeOuterEdge { get; init; }
}
