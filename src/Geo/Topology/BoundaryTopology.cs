using System.Collections.Immutable;

namespace Boundaries.Geo.Topology;

/// <summary>The edge topology of a set of divisions, per level: lines stored once, nodes, adjacency.</summary>
/// <param name="Lines">Boundary lines, by level then id.</param>
/// <param name="Nodes">Nodes, by level then id.</param>
/// <param name="Adjacencies">Neighbouring pairs with shared lengths, by level then codes.</param>
/// <param name="ConflictingSides">
/// Segment sides claimed by two or more divisions (overlaps in the input); 0 for a clean coverage. Where this is not 0 the
/// line carries the first claimant; clean the coverage first.
/// </param>
public sealed record BoundaryTopology(
    ImmutableArray<BoundaryLine> Lines,
    ImmutableArray<TopologyNode> Nodes,
    ImmutableArray<Adjacency> Adjacencies,
    int ConflictingSides)
{
    /// <summary>The tri-junctions: nodes where three or more divisions meet.</summary>
    public IEnumerable<TopologyNode> TriJunctions => Nodes.Where(n => n.IsTriJunction);
}
