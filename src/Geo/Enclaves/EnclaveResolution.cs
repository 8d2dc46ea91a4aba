using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Enclaves;

/// <summary>How a finding would be resolved.</summary>
public enum ResolutionKind
{
    /// <summary>Leave it as it is.</summary>
    Keep,
    /// <summary>Transfer the piece to the host that shares the longest border with it.</summary>
    TransferToHost,
    /// <summary>Transfer the piece to another neighbour.</summary>
    TransferToNeighbour,
}

/// <summary>One candidate resolution of a finding, with its scores.</summary>
/// <param name="Finding">Index of the finding in the list given to <c>EnclaveResolver.Options</c>.</param>
/// <param name="Kind">The kind.</param>
/// <param name="From">The division that gives the piece (its owner).</param>
/// <param name="To">The division that receives it; null for <see cref="ResolutionKind.Keep"/>.</param>
/// <param name="Point">A point inside the piece, lon/lat: identifies the piece when the plan is applied.</param>
/// <param name="Piece">The piece, lon/lat.</param>
/// <param name="Score">The scores.</param>
public sealed record EnclaveResolution(
    int Finding,
    ResolutionKind Kind,
    string From,
    string? To,
    Point Point,
    Geometry Piece,
    ResolutionScore Score);

/// <summary>The scores of a resolution (all zero for Keep).</summary>
/// <param name="AreaMovedSquareMeters">Ellipsoidal area that changes hands.</param>
/// <param name="BoundaryLengthChangeMeters">Change of the total boundary length of the level (negative: shorter).</param>
/// <param name="NewBoundaryMeters">Length of boundary line drawn anew (0 for a whole detached part).</param>
/// <param name="Compactness">Polsby-Popper and convex-hull ratio of every division touched, before and after.</param>
/// <param name="LevelsAffected">Levels whose lines change (the parent level too when the divisions have different parents).</param>
/// <param name="Cost">The disruption the planner minimises (hectares moved, doubled across parents, minus border removed in km, plus people moved / 1000).</param>
/// <param name="PeopleMoved">People living in the piece (address points), 0 without <see cref="ScoringInputs"/>.</param>
/// <param name="HouseholdsMoved">Households in the piece.</param>
/// <param name="FacilitiesMoved">Facilities in the piece.</param>
/// <param name="NewBoundaryFollowingShare">Share (0–1) of the new boundary within the tolerance of a road or river; null when there is no new boundary or no line layer.</param>
/// <param name="JunctionsRemoved">Nodes on the piece's boundary (tri-junctions, ends on the outer edge) that the transfer removes: the ends of its border with the receiver; their markers go.</param>
/// <param name="JunctionsKept">Nodes on the piece's boundary that stay but join a different pair of divisions: their markers are renamed.</param>
public sealed record ResolutionScore(
    double AreaMovedSquareMeters,
    double BoundaryLengthChangeMeters,
    double NewBoundaryMeters,
    ImmutableArray<CompactnessChange> Compactness,
    ImmutableArray<DivisionLevel> LevelsAffected,
    double Cost,
    int PeopleMoved = 0,
    int HouseholdsMoved = 0,
    int FacilitiesMoved = 0,
    double? NewBoundaryFollowingShare = null,
    int JunctionsRemoved = 0,
    int JunctionsKept = 0)
{
    /// <summary>The score of leaving a finding as it is.</summary>
    public static ResolutionScore None { get; } = new(0, 0, 0, [], [], 0);

    /// <summary>What the transfer carries to the levels below (a district change: its townships moved with new codes, or
    /// their cut parts merged); see <see cref="ChildCarrier"/>. Empty when no lower level is touched.</summary>
    public ImmutableArray<ChildChange> Carried { get; init; } = [];
}

/// <summary>Optional layers for scoring, in the division set's CRS.</summary>
public sealed record ScoringInputs
{
    /// <summary>Address points with people and households; none by default.</summary>
    public ImmutableArray<(Point Location, int People, int Households)> Addresses { get; init; } = [];

    /// <summary>Facility points; none by default.</summary>
    public ImmutableArray<Point> Facilities { get; init; } = [];

    /// <summary>Roads and rivers the new boundary may follow; null by default.</summary>
    public Geometry? Lines { get; init; }

    /// <summary>A boundary within this distance of a line follows it; default 30 m.</summary>
    public double FollowToleranceMeters { get; init; } = 30;
}

/// <summary>Compactness of a division before and after a change: Polsby-Popper (4πA/P²) and area / convex-hull area.</summary>
public sealed record CompactnessChange(string Code, double PolsbyPopperBefore, double PolsbyPopperAfter, double HullRatioBefore, double HullRatioAfter);
