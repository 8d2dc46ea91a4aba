using Boundaries.Geo.Model;
using NetTopologySuite.Geometries;

namespace Boundaries.Geo.Topology;

/// <summary>
/// A boundary line (界线): a maximal stretch of boundary with the same division on each side, stored once.
/// It runs from <see cref="StartNode"/> to <see cref="EndNode"/> with <see cref="Left"/> on its left.
/// </summary>
/// <param name="Id">1-based id, stable for the same input.</param>
/// <param name="Level">The level of the divisions on either side.</param>
/// <param name="Left">Code of the division on the left; <c>null</c> for the outside of the level's coverage.</param>
/// <param name="Right">Code of the division on the right; <c>null</c> for the outside.</param>
/// <param name="Geometry">The line in longitude/latitude, vertices exactly as in the divisions (on the 1 mm grid of the metric plane).</param>
/// <param name="LengthMeters">Ellipsoidal length on CGCS2000.</param>
/// <param name="StartNode">Id of the node at the first vertex.</param>
/// <param name="EndNode">Id of the node at the last vertex (equal to the start for a closed line).</param>
public sealed record BoundaryLine(
    int Id,
    DivisionLevel Level,
    string? Left,
    string? Right,
    LineString Geometry,
    double LengthMeters,
    int StartNode,
    int EndNode);
