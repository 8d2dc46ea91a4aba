using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.OverlayNG;

namespace Boundaries.Geo.Vectorize;

/// <summary>
/// Nodes linework on a fixed grid: snap-rounding union (NTS OverlayNG), so every crossing becomes a vertex on the grid
/// and duplicate pieces collapse into one; then merges pieces through nodes of degree two, so each returned line runs
/// from node to node (a node being a line end or a point where three or more pieces meet).
/// </summary>
internal static class LineNoder
{
    public static List<LineString> Node(IEnumerable<LineString> lines, GeometryFactory factory)
    {
        var all = factory.CreateMultiLineString([.. lines.Where(l => !l.IsEmpty)]);
        if (all.IsEmpty)
        {
            return [];
        }
        var noded = UnaryUnionNG.Union((Geometry)all, factory.PrecisionModel);
        var merger = new LineMerger();
        merger.Add(noded);
        return [.. merger.GetMergedLineStrings().Cast<LineString>().Where(l => l.Length > 0)];
    }

    /// <summary>How many line ends meet at each node (a closed line counts twice at its start).</summary>
    public static Dictionary<Coordinate, int> Degrees(IEnumerable<LineString> lines)
    {
        var degree = new Dictionary<Coordinate, int>();
        foreach (var line in lines)
        {
            foreach (var end in new[] { line.StartPoint.Coordinate, line.EndPoint.Coordinate })
            {
                degree[end] = degree.GetValueOrDefault(end) + 1;
            }
        }
        return degree;
    }
}
