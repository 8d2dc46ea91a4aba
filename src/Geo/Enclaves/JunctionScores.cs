using Boundaries.Geo.Model;
using Boundaries.Geo.Validation;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Overlay;

namespace Boundaries.Geo.Enclaves;

/// <summary>
/// The nodes on a piece's boundary (tri-junctions, and points where a border meets the coverage's outer edge): the
/// ends of each border the piece shares with one division. A transfer to <c>receiver</c> removes the nodes at the
/// ends of the border with the receiver (two of the three divisions meeting there become one); the other nodes stay
/// but join a different pair of divisions (their markers are renamed). A piece inside one division has none.
/// </summary>
internal static class JunctionScores
{
    public static (int Removed, int Kept) Count(Geometry metricPiece, EnclaveFinding f, string receiver,
        Dictionary<(DivisionLevel, string), Division> byCode, MetricFrame frame)
    {
        var boundary = metricPiece.Boundary;
        var all = new HashSet<Coordinate>();
        var removed = new HashSet<Coordinate>();
        foreach (var b in f.Evidence.SharedBorders.Where(b => b.LengthMeters > 0))
        {
            if (!byCode.TryGetValue((f.Level, b.Code), out var d))
            {
                continue;
            }
            var shared = OverlayNGRobust.Overlay(boundary, frame.ToMetric(d.Geometry, out _).Boundary, SpatialFunction.Intersection);
            var merger = new LineMerger();
            merger.Add(shared);
            foreach (LineString line in merger.GetMergedLineStrings())
            {
                if (line.IsClosed)
                {
                    continue; // the whole ring: no node
                }
                foreach (var end in new[] { line.StartPoint.Coordinate, line.EndPoint.Coordinate })
                {
                    var snapped = new Coordinate(Math.Round(end.X, 3), Math.Round(end.Y, 3));
                    all.Add(snapped);
                    if (b.Code == receiver)
                    {
                        removed.Add(snapped);
                    }
                }
            }
        }
        return (removed.Count, all.Count - removed.Count);
    }
}
