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
    /// <summary>Join the piece to its owner's main part by a strip taken from the divisions between them (<see cref="EnclaveResolution.Moves"/>).</summary>
    Corridor,
    /// <summary>One half of a swap: this finding's piece goes to the division whose own piece (finding <see cref="EnclaveResolution.Partner"/>) comes the other way; both halves or neither.</summary>
    Swap,
    /// <summary>Transfer a zone that is not a whole part (a lobe beyond a neck, a zone reached only through another division, a zone managed by another division).</summary>
    TransferZone,
    /// <summary>Widen a neck: take a strip from the neighbours around it so the passage is as wide as the neck width.</summary>
    WidenNeck,
    /// <summary>Merge a surrounded division into the division around it (the owner's code ends; its children move to the receiver).</summary>
    Merge,
}

/// <summary>A piece of territory that changes hands, lon/lat.</summary>
/// <param name="From">The division that gives it.</param>
/// <param name="To">The division that receives it.</param>
/// <param name="Piece">The piece, lon/lat.</param>
/// <param name="AreaSquareMeters">Its ellipsoidal area.</param>
/// <param name="People">People living in it (address points).</param>
public sealed record PieceMove(string From, string To, Geometry Piece, double AreaSquareMeters = 0, int People = 0);

/// <summary>One candidate resolution of a finding, with its scores.</summary>
/// <param name="Finding">Index of the finding in the list given to <c>EnclaveResolver.Options</c>.</param>
/// <param name="Kind">The kind.</param>
/// <param name="From">The division that gives the piece (its owner).</param>
/// <param name="To">The division that receives it; null for <see cref="ResolutionKind.Keep"/>.</param>
/// <param name="Point">A point inside the piece, lon/lat: identifies the piece when the plan is applied.</param>
/// <param name="Piece">The piece, lon/lat.</param>
/// <param name="Score">The scores.</param>
/// <param name="Moves">Pieces that change hands when the resolution is not a whole detached part going from From to To
/// (corridor, zone, neck, merge); empty (default) for whole-part transfers and swaps.</param>
/// <param name="Partner">For a <see cref="ResolutionKind.Swap"/> half: the finding whose half must be chosen with it.</param>
public sealed record EnclaveResolution(
    int Finding,
    ResolutionKind Kind,
    string From,
    string? To,
    Point Point,
    Geometry Piece,
    ResolutionScore Score,
    ImmutableArray<PieceMove> Moves = default,
    int? Partner = null)
{
    /// <summary>True when the resolution is applied by its <see cref="Moves"/>.</summary>
    public bool HasMoves => !Moves.IsDefaultOrEmpty;
}

/// <summary>The scores of a resolution (all zero for Keep).</summary>
/// <param name="AreaMovedSquareMeters">Ellipsoidal area that changes hands.</param>
/// <param name="BoundaryLengthChangeMeters">Change of the total boundary length of the level (negative: shorter).</param>
/// <param name="NewBoundaryMeters">Length of boundary line drawn anew (0 for a whole detached part).</param>
/// <param name="Compactness">Polsby-Popper and convex-hull ratio of every division touched, before and after.</param>
/// <param name="LevelsAffected">Levels whose lines change (the parent level too when the divisions have different parents).</param>
/// <param name="Cost">The disruption the planner minimises (hectares moved, doubled across parents, minus border removed in km, plus people moved / 1000, plus markers that would move × <see cref="ScoringInputs.MarkerWeight"/>).</param>
/// <param name="PeopleMoved">People living in the piece (address points), 0 without <see cref="ScoringInputs"/>.</param>
/// <param name="HouseholdsMoved">Households in the piece.</param>
/// <param name="FacilitiesMoved">Facilities in the piece.</param>
/// <param name="NewBoundaryFollowingShare">Share (0–1) of the new boundary within the tolerance of a road or river; null when there is no new boundary or no line layer.</param>
/// <param name="JunctionsRemoved">Nodes on the piece's boundary (tri-junctions, ends on the outer edge) that the transfer removes: the ends of its border with the receiver; their markers go.</param>
/// <param name="JunctionsKept">Nodes on the piece's boundary that stay but join a different pair of divisions: their markers are renamed.</param>
/// <param name="JunctionsCreated">New nodes (three divisions meeting, or a border meeting the outer edge) the change makes: markers to set.</param>
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
    int JunctionsKept = 0,
    int JunctionsCreated = 0)
{
    /// <summary>The score of leaving a finding as it is.</summary>
    public static ResolutionScore None { get; } = new(0, 0, 0, [], [], 0);

    /// <summary>What the transfer carries to the levels below (a district change: its townships moved with new codes, or
    /// their cut parts merged); see <see cref="ChildCarrier"/>. Empty when no lower level is touched.</summary>
    public ImmutableArray<ChildChange> Carried { get; init; } = [];

    /// <summary>The markers (界桩, by number) that stand on a stretch of boundary the change removes or re-draws, within
    /// <see cref="ScoringInputs.MarkerToleranceMeters"/>: they would have to move. Empty without markers.</summary>
    public ImmutableArray<string> MarkersMoved { get; init; } = [];
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

    /// <summary>Boundary markers (界桩); none by default.</summary>
    public ImmutableArray<BoundaryMarker> Markers { get; init; } = [];

    /// <summary>A marker within this distance of a removed or re-drawn stretch of boundary (and nearer to it than to any
    /// line that stays) would have to move; default 1 m.</summary>
    public double MarkerToleranceMeters { get; init; } = 1;

    /// <summary>Cost the planner adds per marker that would have to move; default 0.5 (as much as half a hectare moved).</summary>
    public double MarkerWeight { get; init; } = 0.5;
}

/// <summary>Compactness of a division before and after a change: Polsby-Popper (4πA/P²) and area / convex-hull area.</summary>
public sealed record CompactnessChange(string Code, double PolsbyPopperBefore, double PolsbyPopperAfter, double HullRatioBefore, double HullRatioAfter);
