using System.Collections.Immutable;
using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Topology;

/// <summary>
/// A node: an end of one or more boundary lines. A <em>tri-junction</em> (三交点) is a node where three or more
/// divisions meet; the outside of the coverage is not counted as a division (a node where two divisions meet the
/// outer edge has <see cref="TouchesOutside"/> set, and is not a tri-junction).
/// </summary>
/// <param name="Id">1-based id.</param>
/// <param name="Level">The level of the divisions.</param>
/// <param name="Geometry">The point in longitude/latitude.</param>
/// <param name="Degree">How many line ends meet here (a closed line counts twice).</param>
/// <param name="Divisions">Codes of the divisions meeting here, sorted.</param>
/// <param name="TouchesOutside">True when the outside of the coverage meets here.</param>
public sealed record TopologyNode(
    int Id,
    DivisionLevel Level,
    Point Geometry,
    int Degree,
    ImmutableArray<string> Divisions,
    bool TouchesOutside)
{
    /// <summary>True when three or more divisions (not counting the outside) meet here.</summary>
    public bool IsTriJunction => Divisions.Length >= 3;
}
